import {
  GoodsReceiptRecordedContract,
  InventoryLevelSetContract,
  SalesOrderPlacedContract,
  Topics,
  type EventContract,
  type EventEnvelope,
  type GoodsReceiptRecorded,
  type InventoryLevelSet,
  type SalesOrderPlaced,
  type TopicSpec,
} from '@ferry/contracts';
import type { ErpAdapter, WriteOutcome } from '@ferry/erp-odoo';
import type { ConsumedEvent } from '@ferry/kafka-runtime';
import type { Transaction } from '@ferry/persistence';
import type { ErpWriteOperation } from '../storage/write-log';

/** The writes of the ERP adapter port, all a sink needs of it. */
export type ErpWriter = Pick<
  ErpAdapter<unknown, unknown>,
  'upsertSalesOrder' | 'recordGoodsReceipt' | 'setInventoryLevel'
>;

/** A state event's guard: the version the ERP last got per entity, kept beside the writes. */
export interface ErpVersionGuard<T> {
  /** False when the ERP already got this entity at a newer (or the same) version. */
  isNewer(tx: Transaction, event: ConsumedEvent<T>): Promise<boolean>;
  remember(tx: Transaction, event: ConsumedEvent<T>): Promise<void>;
}

/** What writing one event into the ERP takes: the adapter call, and an optional version guard. */
export interface ErpSink<T extends EventEnvelope> {
  /** Short name, used in the consumer group (`<prefix>.<name>`) and in logs. */
  readonly name: string;
  /** The catalog topic; its entity is what the ownership map must let the ERP receive. */
  readonly topic: TopicSpec;
  readonly contract: EventContract<T>;
  readonly operation: ErpWriteOperation;
  readonly write: (adapter: ErpWriter, value: T) => Promise<WriteOutcome>;
  /** For state events, called inside the consumer's transaction (`remember` after the write). */
  readonly versionGuard?: ErpVersionGuard<T>;
}

/** Sales orders are created once, by external id (Odoo's `client_order_ref`). */
export const salesOrderSink: ErpSink<SalesOrderPlaced> = {
  name: 'sales-orders',
  topic: Topics.salesOrders,
  contract: SalesOrderPlacedContract,
  operation: 'upsertSalesOrder',
  write: (adapter, order) => adapter.upsertSalesOrder(order),
};

/** Goods receipts are matched to the PO's open receipt and validated, marked by event id. */
export const goodsReceiptSink: ErpSink<GoodsReceiptRecorded> = {
  name: 'goods-receipts',
  topic: Topics.goodsReceipts,
  contract: GoodsReceiptRecordedContract,
  operation: 'recordGoodsReceipt',
  write: (adapter, receipt) => adapter.recordGoodsReceipt(receipt),
};

const inventoryVersions: ErpVersionGuard<InventoryLevelSet> = {
  async isNewer(tx, event) {
    const { rows } = await tx.query<{ source_version: string }>(
      `SELECT source_version FROM erp_adapter_inventory_versions
        WHERE entity_id = $1 FOR UPDATE`,
      [event.value.entityId],
    );
    const kept = rows[0];
    return kept === undefined || BigInt(kept.source_version) < BigInt(event.value.sourceVersion);
  },
  async remember(tx, event) {
    await tx.query(
      `INSERT INTO erp_adapter_inventory_versions (entity_id, source_version)
       VALUES ($1, $2)
       ON CONFLICT (entity_id) DO UPDATE
         SET source_version = GREATEST(erp_adapter_inventory_versions.source_version,
                                       EXCLUDED.source_version),
             written_at = now()`,
      [event.value.entityId, event.value.sourceVersion],
    );
  },
};

/**
 * Inventory levels: the WMS's absolute quantity replaces Odoo's. Levels are state, so an older
 * level arriving late (from a retry tier) is dropped by the version kept per (sku, location).
 */
export const inventoryLevelSink: ErpSink<InventoryLevelSet> = {
  name: 'inventory-levels',
  topic: Topics.inventoryLevels,
  contract: InventoryLevelSetContract,
  operation: 'setInventoryLevel',
  write: (adapter, level) => adapter.setInventoryLevel(level),
  versionGuard: inventoryVersions,
};
