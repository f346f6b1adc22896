/**
 * A realistic burst of WMS inventory snapshots for the demo, with its own oracle: what the
 * projection must hold afterwards. Deterministic for a given seed.
 */
export interface Snapshot {
  readonly sku: string;
  readonly location: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly version: number;
}

export interface BurstPlan {
  /** Request bodies' snapshots, in sending order. */
  readonly requests: readonly (readonly Snapshot[])[];
  /** Final state per `sku@location`: the highest version's values. */
  readonly expected: ReadonlyMap<string, Snapshot>;
  readonly snapshots: number;
  readonly entities: number;
  readonly duplicates: number;
  readonly outOfOrder: number;
}

export interface BurstOptions {
  readonly skus: number;
  readonly locations: readonly string[];
  readonly maxVersionsPerEntity: number;
  /** Versions of this run start above it, so a later run's events are newer than an earlier one's. */
  readonly baseVersion: number;
  readonly duplicateRate: number;
  readonly outOfOrderRate: number;
  readonly requestSize: number;
  readonly seed: number;
}

/** Small, seedable PRNG (mulberry32): the same seed gives the same burst. */
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

export function planBurst(options: BurstOptions): BurstPlan {
  const next = random(options.seed);
  const pick = (n: number) => Math.floor(next() * n);
  const histories: Snapshot[][] = [];
  for (let s = 1; s <= options.skus; s += 1) {
    const sku = `SKU-${String(s).padStart(5, '0')}`;
    for (const location of options.locations) {
      let onHand = pick(500);
      const versions = 1 + pick(options.maxVersionsPerEntity);
      const history: Snapshot[] = [];
      for (let v = 1; v <= versions; v += 1) {
        onHand = Math.max(0, onHand + pick(41) - 20);
        history.push({
          sku,
          location,
          onHand,
          reserved: Math.min(onHand, pick(10)),
          version: options.baseVersion + v,
        });
      }
      histories.push(history);
    }
  }

  // Interleave entities as a WMS batch job would emit them, keeping each entity's own order.
  const stream: Snapshot[] = [];
  const cursors = histories.map(() => 0);
  let open = histories.length;
  while (open > 0) {
    const i = pick(histories.length);
    const history = histories[i] ?? [];
    const at = cursors[i] ?? 0;
    if (at >= history.length) continue;
    const snapshot = history[at];
    if (snapshot) stream.push(snapshot);
    cursors[i] = at + 1;
    if (at + 1 === history.length) open -= 1;
  }

  // Deliver some older versions after newer ones: swap an entity's last two versions.
  let outOfOrder = 0;
  for (const history of histories) {
    if (history.length < 2 || next() >= options.outOfOrderRate) continue;
    const older = history[history.length - 2];
    const newer = history[history.length - 1];
    if (!older || !newer) continue;
    const a = stream.indexOf(older);
    const b = stream.indexOf(newer);
    stream[a] = newer;
    stream[b] = older;
    outOfOrder += 1;
  }

  // Re-send some snapshots a little later, as a retrying WMS would: the same change again.
  let duplicates = 0;
  const withDuplicates = [...stream];
  for (const snapshot of stream) {
    if (next() >= options.duplicateRate) continue;
    const original = withDuplicates.indexOf(snapshot);
    withDuplicates.splice(original + 1 + pick(200), 0, snapshot);
    duplicates += 1;
  }

  const requests: Snapshot[][] = [];
  for (let start = 0; start < withDuplicates.length; start += options.requestSize) {
    requests.push(withDuplicates.slice(start, start + options.requestSize));
  }
  const expected = new Map<string, Snapshot>();
  for (const history of histories) {
    const last = history[history.length - 1];
    if (last) expected.set(`${last.sku}@${last.location}`, last);
  }
  return {
    requests,
    expected,
    snapshots: withDuplicates.length,
    entities: histories.length,
    duplicates,
    outOfOrder,
  };
}
