import { FerryError } from '@ferry/failures';
import { deriveEventId, inventoryEntityId, type InventoryLevelSet } from '@ferry/contracts';
import { validationProblems } from '@ferry/service-host';
import { z } from 'zod';
import { count, keyCode, positiveCount, signedCount, timestamp, unit } from '../request-fields';

/** The system that owns inventory levels and whose changes this adapter carries. */
export const WMS_SOURCE = 'wms';

/** One inventory snapshot as the WMS sends it: absolute quantities, with its record version. */
export const InventorySnapshotSchema = z
  .object({
    sku: keyCode,
    location: keyCode,
    onHand: count,
    reserved: count.default(0),
    available: signedCount.optional(),
    unit,
    inTransit: count.default(0),
    binCode: keyCode.optional(),
    version: positiveCount,
    recordedAt: timestamp.optional(),
  })
  .strict();

export type InventorySnapshot = z.infer<typeof InventorySnapshotSchema>;

export function batchSchema(maxSnapshots: number) {
  return z
    .object({
      snapshots: z
        .array(InventorySnapshotSchema)
        .min(1, 'must hold at least one snapshot')
        .max(maxSnapshots, `must hold at most ${maxSnapshots} snapshots`),
    })
    .strict();
}

export class SnapshotValidationError extends FerryError {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid inventory snapshot: ${problems.join('; ')}`, 'permanent');
  }
}

/** Whether a body is `{ "snapshots": [...] }` rather than one snapshot. */
export function isSnapshotBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'snapshots' in body;
}

/**
 * Reads a request body that is either one snapshot or `{ "snapshots": [...] }`. Every problem is
 * reported with the path of the field it concerns, e.g. `snapshots[2].onHand: must not be negative`.
 */
export function parseSnapshots(body: unknown, maxSnapshots: number): InventorySnapshot[] {
  const result = isSnapshotBatch(body)
    ? batchSchema(maxSnapshots).safeParse(body)
    : InventorySnapshotSchema.safeParse(body);
  if (!result.success) {
    throw new SnapshotValidationError(validationProblems(result.error.issues));
  }
  return 'snapshots' in result.data ? result.data.snapshots : [result.data];
}

/** The event that carries a snapshot; `now` stands in when the WMS sent no recordedAt. */
export function toInventoryLevelSet(snapshot: InventorySnapshot, now: Date): InventoryLevelSet {
  const entityId = inventoryEntityId(snapshot.sku, snapshot.location);
  return {
    eventId: deriveEventId(WMS_SOURCE, entityId, snapshot.version),
    entityId,
    sourceSystem: WMS_SOURCE,
    sourceVersion: snapshot.version,
    occurredAt: snapshot.recordedAt ? Date.parse(snapshot.recordedAt) : now.getTime(),
    sku: snapshot.sku,
    location: snapshot.location,
    onHand: snapshot.onHand,
    reserved: snapshot.reserved,
    available: snapshot.available ?? snapshot.onHand - snapshot.reserved,
    unit: snapshot.unit,
    inTransit: snapshot.inTransit,
    binCode: snapshot.binCode ?? null,
  };
}
