import type { Endpoint } from '../cases/fuzz-case';
import type { ProjectedRows, ProjectionName } from './system-state';
import type { TopicEvent } from './topic-events';

/** The topics of the system under test, by what they carry. */
export type TopicRole =
  'inventory' | 'goodsReceipts' | 'shipmentStatus' | 'salesOrders' | 'purchaseOrders' | 'invoices';

export const TopicEndpoints: Readonly<Record<TopicRole, readonly Endpoint[]>> = {
  inventory: ['inventory-single', 'inventory-batch'],
  goodsReceipts: ['goods-receipts'],
  shipmentStatus: ['shipment-status'],
  salesOrders: ['orders'],
  purchaseOrders: ['odoo-webhook'],
  invoices: ['odoo-webhook'],
};

/**
 * Topics whose every record must come from a request answered 2xx. The ERP topics are left
 * out: the catch-up poll publishes the same purchase orders and invoices on its own.
 */
export const ANSWERED_ONLY_TOPICS = [
  'inventory',
  'goodsReceipts',
  'shipmentStatus',
  'salesOrders',
] as const satisfies readonly TopicRole[];

/**
 * What consumes an endpoint's events in the system under test: a projection (every accepted
 * event must reach it or a newer version), a consumer whose only visible failure is its DLQ,
 * or nothing (the ERP sink is off: it would write into the simulated Odoo).
 */
export const Consumers: Readonly<Record<Endpoint, ProjectionName | 'dlq-only' | 'none'>> = {
  'inventory-single': 'inventory',
  'inventory-batch': 'inventory',
  'goods-receipts': 'none',
  'shipment-status': 'shipments',
  orders: 'none',
  'odoo-webhook': 'dlq-only',
};

/** Everything read from Kafka and Postgres once the consumers drained. */
export interface SystemObservations {
  readonly published: Readonly<
    Record<(typeof ANSWERED_ONLY_TOPICS)[number], readonly TopicEvent[]>
  >;
  readonly deadLetters: Readonly<Record<TopicRole, readonly TopicEvent[]>>;
  readonly projections: Readonly<Record<ProjectionName, ProjectedRows>>;
  readonly pendingKeys: readonly string[];
}
