// Generated from schemas/purchase-orders/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// PurchaseOrderState v1

export const PurchaseOrderLifecycleV1Symbols = [
  'UNKNOWN',
  'DRAFT',
  'CONFIRMED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CANCELLED',
] as const;
export type PurchaseOrderLifecycleV1 = (typeof PurchaseOrderLifecycleV1Symbols)[number];

export interface PurchaseOrderLineV1 {
  readonly lineId: string;
  readonly sku: string;
  /** Ordered quantity, in unit. */
  readonly quantity: number;
  readonly unit: string;
  readonly unitPrice: string;
  readonly expectedDate: string | null;
}

/** The full state of a purchase order as the ERP (its owner) confirmed, changed or cancelled it. Receivers replace what they hold with it. */
export interface PurchaseOrderStateV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The purchase order id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly purchaseOrderId: string;
  /** Human reference, e.g. P00042. */
  readonly reference: string;
  readonly supplierId: string;
  readonly supplierName: string;
  readonly state: PurchaseOrderLifecycleV1;
  /** ISO 4217 code. */
  readonly currency: string;
  /** Where the goods are expected. */
  readonly warehouse: string;
  readonly expectedDate: string | null;
  readonly lines: readonly PurchaseOrderLineV1[];
}

export const PurchaseOrderStateV1Schema = {
  type: 'record',
  name: 'PurchaseOrderState',
  namespace: 'dev.ferry.purchasing',
  doc: 'The full state of a purchase order as the ERP (its owner) confirmed, changed or cancelled it. Receivers replace what they hold with it.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The purchase order id. Also the Kafka message key.' },
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
    { name: 'purchaseOrderId', type: 'string' },
    { name: 'reference', type: 'string', doc: 'Human reference, e.g. P00042.' },
    { name: 'supplierId', type: 'string' },
    { name: 'supplierName', type: 'string' },
    {
      name: 'state',
      type: {
        type: 'enum',
        name: 'PurchaseOrderLifecycle',
        symbols: ['UNKNOWN', 'DRAFT', 'CONFIRMED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED'],
        default: 'UNKNOWN',
      },
    },
    { name: 'currency', type: 'string', doc: 'ISO 4217 code.' },
    { name: 'warehouse', type: 'string', doc: 'Where the goods are expected.' },
    { name: 'expectedDate', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'PurchaseOrderLine',
          fields: [
            { name: 'lineId', type: 'string' },
            { name: 'sku', type: 'string' },
            { name: 'quantity', type: 'long', doc: 'Ordered quantity, in unit.' },
            { name: 'unit', type: 'string', default: 'unit' },
            {
              name: 'unitPrice',
              type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
            },
            {
              name: 'expectedDate',
              type: ['null', { type: 'int', logicalType: 'date' }],
              default: null,
            },
          ],
        },
      },
    },
  ],
} as const;

export const PurchaseOrderStateV1Contract = defineContract<PurchaseOrderStateV1>(
  PurchaseOrderStateV1Schema,
);

// The newest version: what Ferry publishes and what its consumers read with.

export type PurchaseOrderState = PurchaseOrderStateV1;
export type PurchaseOrderLifecycle = PurchaseOrderLifecycleV1;
export const PurchaseOrderLifecycleSymbols = PurchaseOrderLifecycleV1Symbols;
export type PurchaseOrderLine = PurchaseOrderLineV1;
export const PurchaseOrderStateContract = PurchaseOrderStateV1Contract;
export const PurchaseOrderStateSchemaVersion = 1;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodePurchaseOrderState(value: PurchaseOrderState): Buffer {
  return PurchaseOrderStateContract.avroType.toBuffer(PurchaseOrderStateContract.validate(value));
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodePurchaseOrderState(bytes: Buffer): PurchaseOrderState {
  return PurchaseOrderStateContract.validate(PurchaseOrderStateContract.avroType.fromBuffer(bytes));
}
