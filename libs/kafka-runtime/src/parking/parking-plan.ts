import type { FailureDestination } from '../retry/retry-schedule';

/**
 * How a consumer orders the events of one key when some of them fail:
 * - `version-guarded` (default): a failed event goes to a retry tier and the later events of its
 *   key are applied meanwhile. Safe when writes are guarded by the source version (an older
 *   event applied late changes nothing).
 * - `per-key`: while a key's head event is in a retry tier or the dead-letter topic, the later
 *   events of the key are parked in Postgres and applied, in order, after the head succeeded (or
 *   an operator released the key). For sinks whose writes are not idempotent by version.
 */
export type KeyOrdering = 'version-guarded' | 'per-key';

export type HeadState = 'retrying' | 'dead-lettered';
export type ParkedKeyState = HeadState | 'releasing';

/** A parked key as the consumer sees it inside a slice's transaction. */
export interface ParkedKey {
  readonly state: ParkedKeyState;
  /** The event the key waits for; undefined while releasing. */
  readonly headEventId: string | undefined;
}

export interface KeyedEvent {
  readonly key: string;
  readonly eventId: string;
}

export interface ParkingPlan<E> {
  /** Events of keys that are not parked, and heads coming back: applied now, in slice order. */
  readonly apply: E[];
  /** Events that wait behind their key's head, in slice order. */
  readonly park: E[];
  /** Keys whose head is among `apply`: released once it is applied. */
  readonly headKeys: string[];
}

/**
 * Decides, for one slice, which events are applied and which are parked. An event is applied when
 * its key is not parked, or when it is the head its key waits for (back from a retry tier, or
 * replayed from the dead-letter topic to any topic). Every other event of a parked key is parked,
 * also the ones after the head in the same slice and while the key is releasing: they must come
 * after the events already parked.
 */
export function planParking<E extends KeyedEvent>(
  events: readonly E[],
  parked: ReadonlyMap<string, ParkedKey>,
): ParkingPlan<E> {
  const apply: E[] = [];
  const park: E[] = [];
  const headKeys = new Set<string>();
  for (const event of events) {
    const key = parked.get(event.key);
    if (key === undefined) apply.push(event);
    else if (isHead(key, event.eventId) && !headKeys.has(event.key)) {
      apply.push(event);
      headKeys.add(event.key);
    } else park.push(event);
  }
  return { apply, park, headKeys: [...headKeys] };
}

function isHead(key: ParkedKey, eventId: string): boolean {
  return key.state !== 'releasing' && key.headEventId === eventId;
}

/** What a failed event makes of its key: the head of a key waiting on a retry or on the DLQ. */
export function headStateAfter(destination: FailureDestination): HeadState {
  return destination.to === 'retry' ? 'retrying' : 'dead-lettered';
}

/** Distinct keys in sorted order: the order in which a transaction locks them (no deadlocks). */
export function lockOrder(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}
