// Generated from schemas/invoices/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// InvoicePosted v1

export const InvoiceStateV1Symbols = [
  'UNKNOWN',
  'POSTED',
  'PARTIALLY_PAID',
  'PAID',
  'CANCELLED',
] as const;
export type InvoiceStateV1 = (typeof InvoiceStateV1Symbols)[number];

/** A customer invoice as the ERP (its owner) posted it, with its current payment state. */
export interface InvoicePostedV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The invoice id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly invoiceId: string;
  /** Legal invoice number, e.g. INV/2026/00042. */
  readonly number: string;
  /** External order id of the sales order invoiced, if any. */
  readonly orderId: string | null;
  readonly customerId: string;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly amountUntaxed: string;
  readonly amountTax: string;
  readonly amountTotal: string;
  /** What is still to be paid. */
  readonly amountResidual: string;
  readonly state: InvoiceStateV1;
  readonly invoiceDate: string;
  readonly dueDate: string | null;
}

export const InvoicePostedV1Schema = {
  type: 'record',
  name: 'InvoicePosted',
  namespace: 'dev.ferry.finance',
  doc: 'A customer invoice as the ERP (its owner) posted it, with its current payment state.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The invoice id. Also the Kafka message key.' },
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
    { name: 'invoiceId', type: 'string' },
    { name: 'number', type: 'string', doc: 'Legal invoice number, e.g. INV/2026/00042.' },
    {
      name: 'orderId',
      type: ['null', 'string'],
      default: null,
      doc: 'External order id of the sales order invoiced, if any.',
    },
    { name: 'customerId', type: 'string' },
    { name: 'currency', type: 'string', doc: 'ISO 4217 code.' },
    {
      name: 'amountUntaxed',
      type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
    },
    { name: 'amountTax', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
    {
      name: 'amountTotal',
      type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
    },
    {
      name: 'amountResidual',
      type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 },
      doc: 'What is still to be paid.',
    },
    {
      name: 'state',
      type: {
        type: 'enum',
        name: 'InvoiceState',
        symbols: ['UNKNOWN', 'POSTED', 'PARTIALLY_PAID', 'PAID', 'CANCELLED'],
        default: 'UNKNOWN',
      },
    },
    { name: 'invoiceDate', type: { type: 'int', logicalType: 'date' } },
    { name: 'dueDate', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
  ],
} as const;

export const InvoicePostedV1Contract = defineContract<InvoicePostedV1>(InvoicePostedV1Schema);

// The newest version: what Ferry publishes and what its consumers read with.

export type InvoicePosted = InvoicePostedV1;
export type InvoiceState = InvoiceStateV1;
export const InvoiceStateSymbols = InvoiceStateV1Symbols;
export const InvoicePostedContract = InvoicePostedV1Contract;
export const InvoicePostedSchemaVersion = 1;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodeInvoicePosted(value: InvoicePosted): Buffer {
  return InvoicePostedContract.avroType.toBuffer(InvoicePostedContract.validate(value));
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodeInvoicePosted(bytes: Buffer): InvoicePosted {
  return InvoicePostedContract.validate(InvoicePostedContract.avroType.fromBuffer(bytes));
}
