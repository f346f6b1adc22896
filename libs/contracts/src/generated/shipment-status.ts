// Generated from schemas/shipment-status/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// ShipmentStatusChanged v1

/** Progression CREATED < PICKED < PACKED < SHIPPED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED; RETURNED and CANCELLED are final. UNKNOWN is what an older reader sees for a status added later. */
export const ShipmentStatusV1Symbols = [
  'UNKNOWN',
  'CREATED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'RETURNED',
  'CANCELLED',
] as const;
export type ShipmentStatusV1 = (typeof ShipmentStatusV1Symbols)[number];

/** The current status of a shipment, as the WMS or carrier integration (its owner) last recorded it. */
export interface ShipmentStatusChangedV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The shipment id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly shipmentId: string;
  /** The sales order (external order id) this shipment fulfils. */
  readonly orderId: string;
  readonly status: ShipmentStatusV1;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  /** When the shipment reached this status. */
  readonly statusAt: number;
}

export const ShipmentStatusChangedV1Schema = {
  type: 'record',
  name: 'ShipmentStatusChanged',
  namespace: 'dev.ferry.logistics',
  doc: 'The current status of a shipment, as the WMS or carrier integration (its owner) last recorded it.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The shipment id. Also the Kafka message key.' },
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
    { name: 'shipmentId', type: 'string' },
    {
      name: 'orderId',
      type: 'string',
      doc: 'The sales order (external order id) this shipment fulfils.',
    },
    {
      name: 'status',
      type: {
        type: 'enum',
        name: 'ShipmentStatus',
        symbols: [
          'UNKNOWN',
          'CREATED',
          'PICKED',
          'PACKED',
          'SHIPPED',
          'IN_TRANSIT',
          'OUT_FOR_DELIVERY',
          'DELIVERED',
          'RETURNED',
          'CANCELLED',
        ],
        default: 'UNKNOWN',
        doc: 'Progression CREATED < PICKED < PACKED < SHIPPED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED; RETURNED and CANCELLED are final. UNKNOWN is what an older reader sees for a status added later.',
      },
    },
    { name: 'carrier', type: ['null', 'string'], default: null },
    { name: 'trackingNumber', type: ['null', 'string'], default: null },
    {
      name: 'statusAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the shipment reached this status.',
    },
  ],
} as const;

export const ShipmentStatusChangedV1Contract = defineContract<ShipmentStatusChangedV1>(
  ShipmentStatusChangedV1Schema,
);

// ShipmentStatusChanged v2

/** Progression CREATED < PICKED < PACKED < SHIPPED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED; RETURNED and CANCELLED are final. UNKNOWN is what an older reader sees for a status added later. */
export const ShipmentStatusV2Symbols = [
  'UNKNOWN',
  'CREATED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'RETURNED',
  'CANCELLED',
] as const;
export type ShipmentStatusV2 = (typeof ShipmentStatusV2Symbols)[number];

/** The current status of a shipment, as the WMS or carrier integration (its owner) last recorded it. */
export interface ShipmentStatusChangedV2 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes. */
  readonly eventId: string;
  /** The shipment id. Also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns this entity and published this state. */
  readonly sourceSystem: string;
  /** The owner's version of the entity; increases with every change. An older version never overwrites a newer one. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly shipmentId: string;
  /** The sales order (external order id) this shipment fulfils. */
  readonly orderId: string;
  readonly status: ShipmentStatusV2;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  /** When the shipment reached this status. */
  readonly statusAt: number;
  /** Carrier's delivery estimate (added in v2). */
  readonly estimatedDeliveryAt: number | null;
}

export const ShipmentStatusChangedV2Schema = {
  type: 'record',
  name: 'ShipmentStatusChanged',
  namespace: 'dev.ferry.logistics',
  doc: 'The current status of a shipment, as the WMS or carrier integration (its owner) last recorded it.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
    },
    { name: 'entityId', type: 'string', doc: 'The shipment id. Also the Kafka message key.' },
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
    { name: 'shipmentId', type: 'string' },
    {
      name: 'orderId',
      type: 'string',
      doc: 'The sales order (external order id) this shipment fulfils.',
    },
    {
      name: 'status',
      type: {
        type: 'enum',
        name: 'ShipmentStatus',
        symbols: [
          'UNKNOWN',
          'CREATED',
          'PICKED',
          'PACKED',
          'SHIPPED',
          'IN_TRANSIT',
          'OUT_FOR_DELIVERY',
          'DELIVERED',
          'RETURNED',
          'CANCELLED',
        ],
        default: 'UNKNOWN',
        doc: 'Progression CREATED < PICKED < PACKED < SHIPPED < IN_TRANSIT < OUT_FOR_DELIVERY < DELIVERED; RETURNED and CANCELLED are final. UNKNOWN is what an older reader sees for a status added later.',
      },
    },
    { name: 'carrier', type: ['null', 'string'], default: null },
    { name: 'trackingNumber', type: ['null', 'string'], default: null },
    {
      name: 'statusAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the shipment reached this status.',
    },
    {
      name: 'estimatedDeliveryAt',
      type: ['null', { type: 'long', logicalType: 'timestamp-millis' }],
      default: null,
      doc: "Carrier's delivery estimate (added in v2).",
    },
  ],
} as const;

export const ShipmentStatusChangedV2Contract = defineContract<ShipmentStatusChangedV2>(
  ShipmentStatusChangedV2Schema,
);

// The newest version: what Ferry publishes and what its consumers read with.

export type ShipmentStatusChanged = ShipmentStatusChangedV2;
export type ShipmentStatus = ShipmentStatusV2;
export const ShipmentStatusSymbols = ShipmentStatusV2Symbols;
export const ShipmentStatusChangedContract = ShipmentStatusChangedV2Contract;
export const ShipmentStatusChangedSchemaVersion = 2;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodeShipmentStatusChanged(value: ShipmentStatusChanged): Buffer {
  return ShipmentStatusChangedContract.avroType.toBuffer(
    ShipmentStatusChangedContract.validate(value),
  );
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodeShipmentStatusChanged(bytes: Buffer): ShipmentStatusChanged {
  return ShipmentStatusChangedContract.validate(
    ShipmentStatusChangedContract.avroType.fromBuffer(bytes),
  );
}
