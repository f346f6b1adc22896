// Generated from schemas/goods-receipts/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// GoodsReceiptRecorded v1

export interface ReceivedLineV1 {
  readonly sku: string;
  /** Quantity received, in unit. */
  readonly quantity: number;
  readonly unit: string;
  /** Where the goods were put away. */
  readonly location: string;
  /** The PO line this matches, when the WMS knows it. */
  readonly purchaseOrderLineId: string | null;
}

/** Goods physically received against a purchase order, as the WMS (its owner) recorded them. Carries the whole receipt, not a change to it. */
export interface GoodsReceiptRecordedV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The receipt id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly receiptId: string;
  /** The ERP's purchase order this receipt is matched to. */
  readonly purchaseOrderId: string;
  readonly warehouse: string;
  readonly lines: readonly ReceivedLineV1[];
  readonly receivedAt: number;
}

export const GoodsReceiptRecordedV1Schema = {
  type: 'record',
  name: 'GoodsReceiptRecorded',
  namespace: 'dev.ferry.warehouse',
  doc: 'Goods physically received against a purchase order, as the WMS (its owner) recorded them. Carries the whole receipt, not a change to it.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The receipt id. Also the Kafka message key.' },
    {
      name: 'sourceSystem',
      type: 'string',
      doc: 'The system that owns this entity and published this state.',
    },
    {
      name: 'sourceVersion',
      type: 'long',
      doc: "The owner's version of the entity; increases with every change. An older version never overwrites a newer one.",
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the owner recorded this state.',
    },
    { name: 'receiptId', type: 'string' },
    {
      name: 'purchaseOrderId',
      type: 'string',
      doc: "The ERP's purchase order this receipt is matched to.",
    },
    { name: 'warehouse', type: 'string' },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'ReceivedLine',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'quantity', type: 'long', doc: 'Quantity received, in unit.' },
            { name: 'unit', type: 'string', default: 'unit' },
            { name: 'location', type: 'string', doc: 'Where the goods were put away.' },
            {
              name: 'purchaseOrderLineId',
              type: ['null', 'string'],
              default: null,
              doc: 'The PO line this matches, when the WMS knows it.',
            },
          ],
        },
      },
    },
    { name: 'receivedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
} as const;

export const GoodsReceiptRecordedV1Contract = defineContract<GoodsReceiptRecordedV1>(
  GoodsReceiptRecordedV1Schema,
);

// The newest version: what Ferry publishes and what its consumers read with.

export type GoodsReceiptRecorded = GoodsReceiptRecordedV1;
export type ReceivedLine = ReceivedLineV1;
export const GoodsReceiptRecordedContract = GoodsReceiptRecordedV1Contract;
export const GoodsReceiptRecordedSchemaVersion = 1;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodeGoodsReceiptRecorded(value: GoodsReceiptRecorded): Buffer {
  return GoodsReceiptRecordedContract.avroType.toBuffer(
    GoodsReceiptRecordedContract.validate(value),
  );
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodeGoodsReceiptRecorded(bytes: Buffer): GoodsReceiptRecorded {
  return GoodsReceiptRecordedContract.validate(
    GoodsReceiptRecordedContract.avroType.fromBuffer(bytes),
  );
}
