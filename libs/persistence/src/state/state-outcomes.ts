/** What the state helpers need of an event: the version its owner gave this state. */
export interface VersionedState {
  readonly sourceVersion: number;
}

/** How one state event ended: written, replaced by a newer one of the same batch, or older than known. */
export type StateOutcome = 'applied' | 'superseded' | 'stale';

export interface KeyResult {
  /** Version stored before this batch, if the row existed. */
  readonly previousVersion: number | undefined;
  /** Whether the batch's newest event for the key was written. */
  readonly written: boolean;
}

/**
 * The newest event per key, in arrival order of first appearance. `ON CONFLICT DO UPDATE`
 * cannot touch one row twice in a statement, so a batch must carry each key once.
 */
export function newestPerKey<T extends VersionedState>(
  events: readonly T[],
  keyOf: (event: T) => string,
): T[] {
  return [...newestByKey(events, events.map(keyOf)).values()];
}

/** The newest event of each key (`keys[i]` is the key of `events[i]`); the first on a tie. */
export function newestByKey<T extends VersionedState>(
  events: readonly T[],
  keys: readonly string[],
): Map<string, T> {
  const newest = new Map<string, T>();
  events.forEach((event, i) => {
    const key = keys[i] as string;
    const known = newest.get(key);
    if (!known || event.sourceVersion > known.sourceVersion) newest.set(key, event);
  });
  return newest;
}

/**
 * Classifies each event of a batch, in arrival order, given what the store held before.
 * An event is stale when a version at least as new was already stored or seen earlier in the
 * batch (it arrived out of order); otherwise it was applied if it is the one written, or
 * superseded by a newer event of the same batch (the same end state as applying both in turn).
 */
export function classifyStateOutcomes<T extends VersionedState>(
  events: readonly T[],
  results: ReadonlyMap<string, KeyResult>,
  keyOf: (event: T) => string,
): Record<StateOutcome, number> {
  const keys = events.map(keyOf);
  return classifyBatch(events, keys, newestByKey(events, keys), results, NOT_STORED);
}

const NOT_STORED: KeyResult = { previousVersion: undefined, written: false };

/**
 * `classifyStateOutcomes` with the keys and the newest event per key already built (each once
 * per batch), and the result to assume for a key `results` does not hold.
 */
export function classifyBatch<T extends VersionedState>(
  events: readonly T[],
  keys: readonly string[],
  winners: ReadonlyMap<string, T>,
  results: ReadonlyMap<string, KeyResult>,
  absent: KeyResult,
): Record<StateOutcome, number> {
  const counts: Record<StateOutcome, number> = { applied: 0, superseded: 0, stale: 0 };
  const highest = new Map<string, number>();
  events.forEach((event, i) => {
    const key = keys[i] as string;
    const result = results.get(key) ?? absent;
    const seen = highest.get(key) ?? result.previousVersion ?? Number.NEGATIVE_INFINITY;
    if (event.sourceVersion <= seen) counts.stale += 1;
    else if (winners.get(key) !== event) counts.superseded += 1;
    else if (result.written) counts.applied += 1;
    else counts.stale += 1; // lost to a concurrent writer's newer version
    highest.set(key, Math.max(seen, event.sourceVersion));
  });
  return counts;
}
