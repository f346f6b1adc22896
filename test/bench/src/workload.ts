import type { InventoryLevelSet } from '@ferry/contracts';
import { inventoryLevelSet } from '@ferry/test-support';

const LOCATIONS = ['WH-AMS', 'WH-BER', 'WH-LYS', 'WH-MAD'] as const;

export interface WorkloadOptions {
  readonly events: number;
  readonly keys: number;
  readonly seed: number;
  /**
   * Epoch milliseconds of the last event; event i occurred `events - i` ms earlier. It must be
   * recent: the publisher uses it as the record timestamp, and the broker deletes records older
   * than the topic's retention (30 days) while the benchmark reads them.
   */
  readonly endsAtMs: number;
}

/** Small, seedable PRNG (mulberry32): the same seed gives the same workload. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stream of WMS stock levels: each event picks a random key and carries that key's next
 * version, so versions rise per key in stream (and partition) order, keys interleave, and a batch
 * holds some keys more than once (the projector keeps the newest of those).
 */
export function planWorkload(options: WorkloadOptions): InventoryLevelSet[] {
  const next = random(options.seed);
  const versions = new Uint32Array(options.keys);
  const events: InventoryLevelSet[] = [];
  for (let i = 0; i < options.events; i++) {
    const key = Math.floor(next() * options.keys);
    versions[key] = (versions[key] ?? 0) + 1;
    const sku = `BENCH-${String(Math.floor(key / LOCATIONS.length)).padStart(6, '0')}`;
    const location = LOCATIONS[key % LOCATIONS.length] ?? LOCATIONS[0];
    const event = inventoryLevelSet(sku, versions[key] ?? 1, Math.floor(next() * 1000), location);
    events.push({ ...event, occurredAt: options.endsAtMs - options.events + i });
  }
  return events;
}

/** What the projection must hold after `events`: the highest version per key. */
export function newestVersions(events: readonly InventoryLevelSet[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const event of events)
    newest.set(event.entityId, Math.max(newest.get(event.entityId) ?? 0, event.sourceVersion));
  return newest;
}

/** Keys whose stored version differs from the expected one (missing rows and extra rows too). */
export function projectionMismatches(
  expected: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, number>,
): string[] {
  const wrong = [...expected].filter(([key, version]) => stored.get(key) !== version);
  const extra = [...stored.keys()].filter((key) => !expected.has(key));
  return [...wrong.map(([key]) => key), ...extra];
}
