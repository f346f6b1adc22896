// Generated from schemas/inventory-levels/*.avsc by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
import { defineContract } from '../contract';

// InventoryLevelSet v1

/** The absolute stock of one SKU at one location, as the WMS (its owner) last recorded it. Receivers replace their value with it; it is never an increment. */
export interface InventoryLevelSetV1 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. The same change always has the same id. */
  readonly eventId: string;
  /** sku@location; also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns and published this state, e.g. wms. */
  readonly sourceSystem: string;
  /** The owner's version of this entity; increases with every change. Older versions never overwrite newer ones. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly sku: string;
  /** Warehouse location code. */
  readonly location: string;
  /** Physical quantity at the location, in unit. */
  readonly onHand: number;
  /** Quantity allocated to open orders, in unit. */
  readonly reserved: number;
  /** onHand minus reserved, as the WMS computes it. */
  readonly available: number;
  /** Unit of measure of the quantities (integers in this unit). */
  readonly unit: string;
}

export const InventoryLevelSetV1Schema = {
  type: 'record',
  name: 'InventoryLevelSet',
  namespace: 'dev.ferry.inventory',
  doc: 'The absolute stock of one SKU at one location, as the WMS (its owner) last recorded it. Receivers replace their value with it; it is never an increment.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. The same change always has the same id.',
    },
    { name: 'entityId', type: 'string', doc: 'sku@location; also the Kafka message key.' },
    {
      name: 'sourceSystem',
      type: 'string',
      doc: 'The system that owns and published this state, e.g. wms.',
    },
    {
      name: 'sourceVersion',
      type: 'long',
      doc: "The owner's version of this entity; increases with every change. Older versions never overwrite newer ones.",
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the owner recorded this state.',
    },
    { name: 'sku', type: 'string' },
    { name: 'location', type: 'string', doc: 'Warehouse location code.' },
    { name: 'onHand', type: 'long', doc: 'Physical quantity at the location, in unit.' },
    { name: 'reserved', type: 'long', doc: 'Quantity allocated to open orders, in unit.' },
    { name: 'available', type: 'long', doc: 'onHand minus reserved, as the WMS computes it.' },
    {
      name: 'unit',
      type: 'string',
      default: 'unit',
      doc: 'Unit of measure of the quantities (integers in this unit).',
    },
  ],
} as const;

export const InventoryLevelSetV1Contract =
  defineContract<InventoryLevelSetV1>(InventoryLevelSetV1Schema);

// InventoryLevelSet v2

/** The absolute stock of one SKU at one location, as the WMS (its owner) last recorded it. Receivers replace their value with it; it is never an increment. */
export interface InventoryLevelSetV2 {
  /** Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. The same change always has the same id. */
  readonly eventId: string;
  /** sku@location; also the Kafka message key. */
  readonly entityId: string;
  /** The system that owns and published this state, e.g. wms. */
  readonly sourceSystem: string;
  /** The owner's version of this entity; increases with every change. Older versions never overwrite newer ones. */
  readonly sourceVersion: number;
  /** When the owner recorded this state. */
  readonly occurredAt: number;
  readonly sku: string;
  /** Warehouse location code. */
  readonly location: string;
  /** Physical quantity at the location, in unit. */
  readonly onHand: number;
  /** Quantity allocated to open orders, in unit. */
  readonly reserved: number;
  /** onHand minus reserved, as the WMS computes it. */
  readonly available: number;
  /** Unit of measure of the quantities (integers in this unit). */
  readonly unit: string;
  /** Quantity on its way to this location, in unit (added in v2). */
  readonly inTransit: number;
  /** Bin within the location, when the WMS tracks bins (added in v2). */
  readonly binCode: string | null;
}

export const InventoryLevelSetV2Schema = {
  type: 'record',
  name: 'InventoryLevelSet',
  namespace: 'dev.ferry.inventory',
  doc: 'The absolute stock of one SKU at one location, as the WMS (its owner) last recorded it. Receivers replace their value with it; it is never an increment.',
  fields: [
    {
      name: 'eventId',
      type: { type: 'string', logicalType: 'uuid' },
      doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. The same change always has the same id.',
    },
    { name: 'entityId', type: 'string', doc: 'sku@location; also the Kafka message key.' },
    {
      name: 'sourceSystem',
      type: 'string',
      doc: 'The system that owns and published this state, e.g. wms.',
    },
    {
      name: 'sourceVersion',
      type: 'long',
      doc: "The owner's version of this entity; increases with every change. Older versions never overwrite newer ones.",
    },
    {
      name: 'occurredAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the owner recorded this state.',
    },
    { name: 'sku', type: 'string' },
    { name: 'location', type: 'string', doc: 'Warehouse location code.' },
    { name: 'onHand', type: 'long', doc: 'Physical quantity at the location, in unit.' },
    { name: 'reserved', type: 'long', doc: 'Quantity allocated to open orders, in unit.' },
    { name: 'available', type: 'long', doc: 'onHand minus reserved, as the WMS computes it.' },
    {
      name: 'unit',
      type: 'string',
      default: 'unit',
      doc: 'Unit of measure of the quantities (integers in this unit).',
    },
    {
      name: 'inTransit',
      type: 'long',
      default: 0,
      doc: 'Quantity on its way to this location, in unit (added in v2).',
    },
    {
      name: 'binCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Bin within the location, when the WMS tracks bins (added in v2).',
    },
  ],
} as const;

export const InventoryLevelSetV2Contract =
  defineContract<InventoryLevelSetV2>(InventoryLevelSetV2Schema);

// The newest version: what Ferry publishes and what its consumers read with.

export type InventoryLevelSet = InventoryLevelSetV2;
export const InventoryLevelSetContract = InventoryLevelSetV2Contract;
export const InventoryLevelSetSchemaVersion = 2;

/** Plain Avro binary of the newest version (no registry framing). */
export function encodeInventoryLevelSet(value: InventoryLevelSet): Buffer {
  return InventoryLevelSetContract.avroType.toBuffer(InventoryLevelSetContract.validate(value));
}

/** Reads plain Avro binary written with the newest version and checks it. */
export function decodeInventoryLevelSet(bytes: Buffer): InventoryLevelSet {
  return InventoryLevelSetContract.validate(InventoryLevelSetContract.avroType.fromBuffer(bytes));
}
