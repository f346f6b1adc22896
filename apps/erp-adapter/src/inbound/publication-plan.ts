import { createHash } from 'node:crypto';
import { deriveEventId, type EventEnvelope } from '@ferry/contracts';

/**
 * Odoo keeps `write_date` to the second, so an ERP event's version is a whole second in epoch
 * milliseconds, and two writes of one record within that second read with the same version. The
 * milliseconds of that second are free: a later, different state read for the same second is
 * published as the second's next millisecond, so that receivers (which keep the newest version)
 * end with the state Odoo ended with.
 */
export const SLOTS_PER_SECOND = 1000;

/** The newest state this adapter published for one entity within one second. */
export interface PublishedState {
  readonly sourceVersion: number;
  /** Fingerprint of its content; null for rows recorded before fingerprints were kept. */
  readonly fingerprint: string | null;
}

export interface PlannedEvent<T> {
  readonly event: T;
  readonly fingerprint: string;
}

export interface PublicationPlan<T> {
  /** What to publish, in order; an event may carry a later version than it was read with. */
  readonly publish: PlannedEvent<T>[];
  /** Events whose state was already published. */
  readonly alreadyPublished: number;
  /** Later states of a second whose thousand versions are used up (see the log). */
  readonly exhausted: T[];
}

/** The second (as the version of its first millisecond) an event's version falls in. */
export function secondOf(sourceVersion: number): number {
  return sourceVersion - (sourceVersion % SLOTS_PER_SECOND);
}

/** The key under which the newest published state of an entity in a second is known. */
export function stateKey(entityId: string, second: number): string {
  return `${entityId}\u001f${second}`;
}

/** What the event says, apart from its id and version: equal fingerprints, equal states. */
export function fingerprintOf(event: EventEnvelope): string {
  const { eventId: _id, sourceVersion: _version, ...content } = event;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * Decides, for events read from the ERP, which to publish: a state not published yet for its
 * second as it is; the same state as the newest published one not again; a different state as
 * the next millisecond of the second, with the event id of that version. `published` holds the
 * newest published state per `stateKey`; events of one call are taken in order.
 */
export function planPublication<T extends EventEnvelope>(
  events: readonly T[],
  published: ReadonlyMap<string, PublishedState>,
): PublicationPlan<T> {
  const newest = new Map(published);
  const publish: PlannedEvent<T>[] = [];
  const exhausted: T[] = [];
  let alreadyPublished = 0;
  for (const event of events) {
    const fingerprint = fingerprintOf(event);
    const second = secondOf(event.sourceVersion);
    const key = stateKey(event.entityId, second);
    const known = newest.get(key);
    let version = event.sourceVersion;
    if (known !== undefined) {
      // Rows from before fingerprints were kept are taken as the same state, as they were then.
      if (known.fingerprint === null || known.fingerprint === fingerprint) {
        alreadyPublished += 1;
        continue;
      }
      version = Math.max(known.sourceVersion + 1, event.sourceVersion);
      if (version >= second + SLOTS_PER_SECOND) {
        exhausted.push(event);
        continue;
      }
    }
    const planned =
      version === event.sourceVersion
        ? event
        : {
            ...event,
            sourceVersion: version,
            eventId: deriveEventId(event.sourceSystem, event.entityId, version),
          };
    publish.push({ event: planned, fingerprint });
    newest.set(key, { sourceVersion: version, fingerprint });
  }
  return { publish, alreadyPublished, exhausted };
}
