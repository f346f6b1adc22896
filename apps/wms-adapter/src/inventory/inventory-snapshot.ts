import { deriveEventId, inventoryEntityId, type InventoryLevelSet } from '@ferry/contracts';
import { validationProblems } from '@ferry/service-host';
import { z } from 'zod';

/** The system that owns inventory levels and whose changes this adapter carries. */
export const WMS_SOURCE = 'wms';

const code = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^@\s]+$/, 'must not contain @ or whitespace');
const quantity = z
  .number()
  .int('must be an integer')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

/** One inventory snapshot as the WMS sends it: absolute quantities, with its record version. */
export const InventorySnapshotSchema = z
  .object({
    sku: code,
    location: code,
    onHand: quantity,
    reserved: quantity.default(0),
    available: z.number().int('must be an integer').optional(),
    unit: z.string().trim().min(1).max(20).default('unit'),
    inTransit: quantity.default(0),
    binCode: code.optional(),
    version: z
      .number()
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(Number.MAX_SAFE_INTEGER),
    recordedAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
      .optional(),
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

export class SnapshotValidationError extends Error {
  override readonly name = 'SnapshotValidationError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid inventory snapshot: ${problems.join('; ')}`);
  }
}

/**
 * Reads a request body that is either one snapshot or `{ "snapshots": [...] }`. Every problem is
 * reported with the path of the field it concerns, e.g. `snapshots[2].onHand: must not be negative`.
 */
export function parseSnapshots(body: unknown, maxSnapshots: number): InventorySnapshot[] {
  const isBatch =
    typeof body === 'object' && body !== null && !Array.isArray(body) && 'snapshots' in body;
  const result = isBatch
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
