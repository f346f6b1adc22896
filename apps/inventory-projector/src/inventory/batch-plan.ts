import { inventoryEntityId, type InventoryLevelSet } from '@ferry/contracts';

/** How one event ended: written, replaced by a newer one of the same batch, or older than known. */
export type InventoryOutcome = 'applied' | 'superseded' | 'stale';

export interface KeyResult {
  /** Version stored before this batch, if the row existed. */
  readonly previousVersion: number | undefined;
  /** Whether the batch's newest event for the key was written. */
  readonly written: boolean;
}

/** The row an event writes; derived from the fields, not trusted from the envelope. */
export function rowKey(event: InventoryLevelSet): string {
  return inventoryEntityId(event.sku, event.location);
}

/**
 * The newest event per entity, in arrival order of first appearance. `ON CONFLICT DO UPDATE`
 * cannot touch one row twice in a statement, so a batch must carry each key once.
 */
export function newestPerEntity(events: readonly InventoryLevelSet[]): InventoryLevelSet[] {
  const newest = new Map<string, InventoryLevelSet>();
  for (const event of events) {
    const known = newest.get(rowKey(event));
    if (!known || event.sourceVersion > known.sourceVersion) newest.set(rowKey(event), event);
  }
  return [...newest.values()];
}

/**
 * Classifies each event of a batch, in arrival order, given what the store held before.
 * An event is stale when a version at least as new was already stored or seen earlier in the
 * batch (it arrived out of order); otherwise it was applied if it is the one written, or
 * superseded by a newer event of the same batch (the same end state as applying both in turn).
 */
export function classifyOutcomes(
  events: readonly InventoryLevelSet[],
  results: ReadonlyMap<string, KeyResult>,
): Record<InventoryOutcome, number> {
  const counts: Record<InventoryOutcome, number> = { applied: 0, superseded: 0, stale: 0 };
  const winners = new Set(newestPerEntity(events));
  const highest = new Map<string, number>();
  for (const event of events) {
    const key = rowKey(event);
    const result = results.get(key);
    const seen = highest.get(key) ?? result?.previousVersion ?? Number.NEGATIVE_INFINITY;
    if (event.sourceVersion <= seen) counts.stale += 1;
    else if (!winners.has(event)) counts.superseded += 1;
    else if (result?.written) counts.applied += 1;
    else counts.stale += 1; // lost to a concurrent writer's newer version
    highest.set(key, Math.max(seen, event.sourceVersion));
  }
  return counts;
}
