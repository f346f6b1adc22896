import { ownerOf, type Entity } from './ownership';
import type { SourceSystem } from './systems';

/**
 * Registry compatibility levels Ferry uses. State events are read by many consumers that upgrade
 * at their own pace, so every topic here is FULL_TRANSITIVE: any version reads any other, which
 * in practice means new fields are optional with defaults and nothing required is removed.
 */
export type Compatibility = 'FULL_TRANSITIVE' | 'BACKWARD_TRANSITIVE' | 'FORWARD_TRANSITIVE';

/**
 * One Kafka topic of the catalog. Names follow `ferry.<domain>.<entity>`; the value subject
 * follows the registry's TopicNameStrategy (`<topic>-value`); schemas live in
 * `schemas/<schemaFolder>/<eventType>.v<N>.avsc`.
 */
export interface TopicSpec {
  readonly name: string;
  readonly entity: Entity;
  readonly eventType: string;
  readonly schemaFolder: string;
  /** What the key is; all events of one key land on one partition, in order. */
  readonly key: string;
  readonly partitions: number;
  readonly compatibility: Compatibility;
  /** Broker topic configuration (retention, compaction). */
  readonly config: Readonly<Record<string, string>>;
}

const DAY_MS = 24 * 3600 * 1000;
/** Latest state per key is what matters: compaction keeps it, deletion bounds history. */
const compactedState = { 'cleanup.policy': 'compact,delete', 'retention.ms': String(30 * DAY_MS) };
/** Facts that are not superseded by a later event of the same key. */
const history = { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS) };

export const Topics = {
  inventoryLevels: {
    name: 'ferry.inventory.levels',
    entity: 'inventoryLevel',
    eventType: 'InventoryLevelSet',
    schemaFolder: 'inventory-levels',
    key: 'sku@location',
    partitions: 6,
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
  goodsReceipts: {
    name: 'ferry.warehouse.goods-receipts',
    entity: 'goodsReceipt',
    eventType: 'GoodsReceiptRecorded',
    schemaFolder: 'goods-receipts',
    key: 'receiptId',
    partitions: 3,
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
  shipmentStatus: {
    name: 'ferry.logistics.shipment-status',
    entity: 'shipmentStatus',
    eventType: 'ShipmentStatusChanged',
    schemaFolder: 'shipment-status',
    key: 'shipmentId',
    partitions: 6,
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
  purchaseOrders: {
    name: 'ferry.purchasing.purchase-orders',
    entity: 'purchaseOrder',
    eventType: 'PurchaseOrderState',
    schemaFolder: 'purchase-orders',
    key: 'purchaseOrderId',
    partitions: 3,
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
  salesOrders: {
    name: 'ferry.sales.orders',
    entity: 'salesOrder',
    eventType: 'SalesOrderPlaced',
    schemaFolder: 'sales-orders',
    key: 'externalOrderId',
    partitions: 6,
    compatibility: 'FULL_TRANSITIVE',
    config: history,
  },
  invoices: {
    name: 'ferry.finance.invoices',
    entity: 'invoice',
    eventType: 'InvoicePosted',
    schemaFolder: 'invoices',
    key: 'invoiceId',
    partitions: 3,
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof Topics;

export const AllTopics: readonly TopicSpec[] = Object.values(Topics);

/** The system allowed to publish on a topic: the owner of its entity. */
export function topicOwner(spec: TopicSpec): SourceSystem {
  return ownerOf(spec.entity);
}

export function valueSubject(topicName: string): string {
  return `${topicName}-value`;
}

/**
 * Default retry schedule: a failed event waits in tier N's topic until its due time, then is
 * tried again; after the last tier it goes to the dead-letter topic. Retry and dead-letter topics
 * are shared by the consumer groups of a topic; each record names its group in a header and only
 * that group handles it.
 */
export const DefaultRetryDelaysMs: readonly number[] = [
  30_000, 120_000, 480_000, 1_800_000, 7_200_000,
];

/** `30s`, `2m`, `2h`: the delay as it appears in a retry topic's name. */
export function delayLabel(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The retry topic of one delay tier, e.g. `ferry.inventory.levels.retry.2m`. */
export function retryTopicOf(topicName: string, delayMs: number): string {
  return `${topicName}.retry.${delayLabel(delayMs)}`;
}

/** Where records that can never be processed are kept for inspection and replay. */
export function deadLetterTopicOf(topicName: string): string {
  return `${topicName}.dlq`;
}

/**
 * The topics to create for `spec` (named `name`, for tests that use their own): the main topic,
 * one retry topic per delay tier, and the dead-letter topic. Retry and dead-letter topics keep
 * the main topic's partition count; they only delete (every record is a distinct failure).
 */
export function topicDeclarations(
  spec: TopicSpec,
  name: string = spec.name,
  retryDelaysMs: readonly number[] = DefaultRetryDelaysMs,
) {
  const failures = { 'cleanup.policy': 'delete', 'retention.ms': String(14 * DAY_MS) };
  return [
    { name, partitions: spec.partitions, config: spec.config },
    ...retryDelaysMs.map((delay) => ({
      name: retryTopicOf(name, delay),
      partitions: spec.partitions,
      config: failures,
    })),
    {
      name: deadLetterTopicOf(name),
      partitions: spec.partitions,
      config: { ...failures, 'retention.ms': String(30 * DAY_MS) },
    },
  ];
}
