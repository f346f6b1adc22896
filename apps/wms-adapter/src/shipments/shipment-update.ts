import {
  deriveEventId,
  ShipmentStatusSymbols,
  type ShipmentStatus,
  type ShipmentStatusChanged,
} from '@ferry/contracts';
import { z } from 'zod';
import { WMS_SOURCE } from '../inventory/inventory-snapshot';
import { code, timestamp } from '../request-fields';

/**
 * Where a status stands in the progression. RETURNED and CANCELLED are final; UNKNOWN (a status a
 * newer WMS knows and this schema does not) is never accepted from the WMS.
 */
const RANK: Readonly<Record<Exclude<ShipmentStatus, 'UNKNOWN'>, number>> = {
  CREATED: 1,
  PICKED: 2,
  PACKED: 3,
  SHIPPED: 4,
  IN_TRANSIT: 5,
  OUT_FOR_DELIVERY: 6,
  DELIVERED: 7,
  RETURNED: 8,
  CANCELLED: 9,
};

const STATUSES = ShipmentStatusSymbols.filter((s) => s !== 'UNKNOWN') as [
  Exclude<ShipmentStatus, 'UNKNOWN'>,
  ...Exclude<ShipmentStatus, 'UNKNOWN'>[],
];

/** Larger than any epoch-millisecond time until the year 2286, and rank × it stays < 2^53. */
const RANK_STEP = 10_000_000_000_000;

/**
 * The status times whose versions keep the progression's order: from 1970 (a version is at least
 * 1) until RANK_STEP ms, 2286-11-20 (a later time would outrank the next status).
 */
const statusTime = timestamp.refine(
  (text) => {
    const ms = Date.parse(text);
    return ms >= 0 && ms < RANK_STEP;
  },
  `must lie between 1970-01-01 and ${new Date(RANK_STEP).toISOString()}`,
);

/** A shipment status update as the WMS (or its carrier integration) sends it. */
export const ShipmentUpdateSchema = z
  .object({
    shipmentId: code,
    orderId: code,
    status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }),
    carrier: code.optional(),
    trackingNumber: code.optional(),
    statusAt: statusTime,
    estimatedDeliveryAt: timestamp.optional(),
  })
  .strict();

export type ShipmentUpdate = z.infer<typeof ShipmentUpdateSchema>;

/**
 * The source version of a status: its rank in the progression first, then its time. Every
 * consumer's version guard therefore keeps a shipment from moving backwards: DELIVERED arriving
 * before IN_TRANSIT stays DELIVERED, and of two updates with the same status the later one wins.
 * The same update delivered twice has the same version and so the same event id.
 */
export function shipmentVersion(status: Exclude<ShipmentStatus, 'UNKNOWN'>, statusAt: number) {
  return RANK[status] * RANK_STEP + statusAt;
}

export function toShipmentStatusChanged(update: ShipmentUpdate): ShipmentStatusChanged {
  const statusAt = Date.parse(update.statusAt);
  const version = shipmentVersion(update.status, statusAt);
  return {
    eventId: deriveEventId(WMS_SOURCE, update.shipmentId, version),
    entityId: update.shipmentId,
    sourceSystem: WMS_SOURCE,
    sourceVersion: version,
    occurredAt: statusAt,
    shipmentId: update.shipmentId,
    orderId: update.orderId,
    status: update.status,
    carrier: update.carrier ?? null,
    trackingNumber: update.trackingNumber ?? null,
    statusAt,
    estimatedDeliveryAt:
      update.estimatedDeliveryAt === undefined ? null : Date.parse(update.estimatedDeliveryAt),
  };
}
