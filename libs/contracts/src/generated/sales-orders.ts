// Generated from schemas/sales-orders/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// SalesOrderPlaced v1

export interface CustomerV1 {
  readonly customerId: string;
  readonly email: string;
  readonly name: string;
}

export interface SalesOrderLineV1 {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
  readonly lineTotal: string;
}

export interface OrderTotalsV1 {
  readonly subtotal: string;
  readonly tax: string;
  readonly shipping: string;
  readonly total: string;
}

/** A sales order as placed through the order API (its owner). Money is exact decimal, never floating point. */
export interface SalesOrderPlacedV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The external order id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly externalOrderId: string;
  /** Storefront or marketplace the order came from. */
  readonly channel: string;
  readonly customer: CustomerV1;
  readonly lines: readonly SalesOrderLineV1[];
  /** ISO 4217 code. */
  readonly currency: string;
  readonly totals: OrderTotalsV1;
  readonly placedAt: number;
}

export const SalesOrderPlacedV1Schema = {
  type: 'record',
  name: 'SalesOrderPlaced',
  namespace: 'dev.ferry.sales',
  doc: 'A sales order as placed through the order API (its owner). Money is exact decimal, never floating point.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The external order id. Also the Kafka message key.' },
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
    { name: 'externalOrderId', type: 'string' },
    { name: 'channel', type: 'string', doc: 'Storefront or marketplace the order came from.' },
    {
      name: 'customer',
      type: {
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'customerId', type: 'string' },
          { name: 'email', type: 'string' },
          { name: 'name', type: 'string' },
        ],
      },
    },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'SalesOrderLine',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'quantity', type: 'long' },
            {
              name: 'unitPrice',
              type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
            },
            {
              name: 'lineTotal',
              type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
            },
          ],
        },
      },
    },
    { name: 'currency', type: 'string', doc: 'ISO 4217 code.' },
    {
      name: 'totals',
      type: {
        type: 'record',
        name: 'OrderTotals',
        fields: [
          {
            name: 'subtotal',
            type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
          },
          { name: 'tax', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
          {
            name: 'shipping',
            type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
          },
          {
            name: 'total',
            type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
          },
        ],
      },
    },
    { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
} as const;

export const SalesOrderPlacedV1Contract =
  defineContract<SalesOrderPlacedV1>(SalesOrderPlacedV1Schema);

// The newest version: what Ferry publishes and what its consumers read with.

export type SalesOrderPlaced = SalesOrderPlacedV1;
export type Customer = CustomerV1;
export type SalesOrderLine = SalesOrderLineV1;
export type OrderTotals = OrderTotalsV1;
export const SalesOrderPlacedContract = SalesOrderPlacedV1Contract;
export const SalesOrderPlacedSchemaVersion = 1;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodeSalesOrderPlaced(value: SalesOrderPlaced): Buffer {
  return SalesOrderPlacedContract.avroType.toBuffer(SalesOrderPlacedContract.validate(value));
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodeSalesOrderPlaced(bytes: Buffer): SalesOrderPlaced {
  return SalesOrderPlacedContract.validate(SalesOrderPlacedContract.avroType.fromBuffer(bytes));
}
