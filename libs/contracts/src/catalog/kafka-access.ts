import { mayPublish } from './ownership';
import type { SourceSystem } from './systems';
import { Topics, type TopicKey } from './topics';

/** A consumer group of a service and the catalog topic it reads. */
export interface Consumption {
  readonly topic: TopicKey;
  /** The group's default name (each service's config may rename it; the ACLs follow the default). */
  readonly group: string;
}

/**
 * What one deployable service does on Kafka, as its own principal `User:<principal>`: the topics
 * it publishes (as its system, so only topics of entities that system owns) and what it consumes.
 * The broker's ACLs are derived from this list and nothing else.
 */
export interface ServiceKafkaAccess {
  readonly service: string;
  readonly principal: string;
  readonly system?: SourceSystem;
  readonly publishes: readonly TopicKey[];
  readonly consumes: readonly Consumption[];
  /**
   * Watches every Ferry consumer group (the lag exporter): describes all groups and topics and
   * reads the records at the groups' committed offsets (for their timestamps) through throwaway
   * groups of its own. Commits nothing for any service's group.
   */
  readonly observesGroups?: boolean;
}

export const ServiceAccess = [
  {
    service: 'wms-adapter',
    principal: 'ferry-wms-adapter',
    system: 'wms',
    publishes: ['inventoryLevels', 'goodsReceipts', 'shipmentStatus'],
    consumes: [{ topic: 'purchaseOrders', group: 'ferry.wms-expected-receipts' }],
  },
  {
    service: 'erp-adapter',
    principal: 'ferry-erp-adapter',
    system: 'erp',
    publishes: ['purchaseOrders', 'invoices'],
    consumes: [
      { topic: 'salesOrders', group: 'ferry.erp-sink.sales-orders' },
      { topic: 'goodsReceipts', group: 'ferry.erp-sink.goods-receipts' },
      { topic: 'inventoryLevels', group: 'ferry.erp-sink.inventory-levels' },
    ],
  },
  {
    service: 'order-api',
    principal: 'ferry-order-api',
    system: 'storefront',
    publishes: ['salesOrders'],
    consumes: [],
  },
  {
    service: 'inventory-projector',
    principal: 'ferry-inventory-projector',
    publishes: [],
    consumes: [{ topic: 'inventoryLevels', group: 'ferry.inventory-projector' }],
  },
  {
    service: 'shipment-projector',
    principal: 'ferry-shipment-projector',
    publishes: [],
    consumes: [{ topic: 'shipmentStatus', group: 'ferry.shipment-projector' }],
  },
  {
    service: 'lag-exporter',
    principal: 'ferry-lag-exporter',
    publishes: [],
    consumes: [],
    observesGroups: true,
  },
] as const satisfies readonly ServiceKafkaAccess[];

/**
 * The operators' principal (the ops CLI): reads every dead-letter topic and writes replays into
 * the retry topics; no group of a service, no main topic.
 */
export const OperatorPrincipal = 'ferry-ops';

/** Principals the local secured cluster makes SCRAM users and certificates for. */
export function allPrincipals(): string[] {
  return [...ServiceAccess.map((access) => access.principal), OperatorPrincipal];
}

/** Each publication a service declares that its system does not own: must be empty. */
export function publicationsNotOwned(access: readonly ServiceKafkaAccess[]): string[] {
  return access.flatMap((service) =>
    service.publishes
      .filter(
        (key) => service.system === undefined || !mayPublish(service.system, Topics[key].entity),
      )
      .map((key) => `${service.service} publishes ${Topics[key].name} but does not own it`),
  );
}
