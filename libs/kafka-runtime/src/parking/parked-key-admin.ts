import { randomUUID } from 'node:crypto';
import type { Database, SqlExecutor } from '@ferry/persistence';
import { FerryError } from '@ferry/failures';
import { dropEmptyKeys, lockParkedKeys } from './parked-keys';
import type { ParkedKeyState } from './parking-plan';

/*
 * What operators do with the parking lot of per-key ordered consumers: see which keys wait and
 * why, and let a key go on without its head (after deciding the dead-lettered head is not to be
 * applied, or will be replayed later out of order).
 */

export interface ParkedKeyFilter {
  readonly group?: string;
  readonly topic?: string;
  readonly key?: string;
  readonly state?: ParkedKeyState;
}

export interface ParkedKeyListing {
  readonly group: string;
  readonly topic: string;
  readonly key: string;
  readonly state: ParkedKeyState;
  readonly headEventId: string | undefined;
  readonly parkedAt: Date;
  readonly updatedAt: Date;
  readonly parkedEvents: number;
}

interface ListingRow {
  consumer_group: string;
  topic: string;
  entity_key: string;
  state: ParkedKeyState;
  head_event_id: string | null;
  parked_at: Date;
  updated_at: Date;
  parked_events: string;
}

/** Parked keys matching every condition given, longest parked first. */
export async function listParkedKeys(
  db: SqlExecutor,
  filter: ParkedKeyFilter,
  limit: number,
): Promise<ParkedKeyListing[]> {
  const { rows } = await db.query<ListingRow>(
    `SELECT k.consumer_group, k.topic, k.entity_key, k.state, k.head_event_id, k.parked_at,
            k.updated_at,
            (SELECT count(*) FROM ferry_parked_events e
             WHERE e.consumer_group = k.consumer_group AND e.topic = k.topic
               AND e.entity_key = k.entity_key) AS parked_events
     FROM ferry_parked_keys k
     WHERE ($1::text IS NULL OR k.consumer_group = $1) AND ($2::text IS NULL OR k.topic = $2)
       AND ($3::text IS NULL OR k.entity_key = $3) AND ($4::text IS NULL OR k.state = $4)
     ORDER BY k.parked_at, k.consumer_group, k.topic, k.entity_key
     LIMIT $5`,
    [filter.group ?? null, filter.topic ?? null, filter.key ?? null, filter.state ?? null, limit],
  );
  return rows.map((row) => ({
    group: row.consumer_group,
    topic: row.topic,
    key: row.entity_key,
    state: row.state,
    headEventId: row.head_event_id ?? undefined,
    parkedAt: row.parked_at,
    updatedAt: row.updated_at,
    parkedEvents: Number(row.parked_events),
  }));
}

export interface ParkedKeyReleaseRequest {
  readonly group: string;
  readonly topic: string;
  readonly key: string;
  readonly reason: string;
}

export interface ParkedKeyReleased {
  readonly releaseId: string;
  /** The head given up on; if it is replayed later, it is applied after the key's newer events. */
  readonly headEventId: string;
  readonly headState: ParkedKeyState;
  /** Events the consumer now applies, in order, within its parking sweep interval. */
  readonly parkedEvents: number;
}

/** The release cannot be done as asked (no such parked key, no reason); nothing changed. */
export class ParkedKeyReleaseRejectedError extends FerryError {
  constructor(message: string) {
    super(message, 'permanent');
  }
}

/**
 * Lets a parked key go on without its head: the key's parked events are applied, in order, by the
 * group's consumers (within their parking sweep interval), and its later events flow again. One
 * transaction with an audit row (when, why, which head; the database records who: the session's
 * role).
 */
export async function releaseParkedKey(
  db: Database,
  request: ParkedKeyReleaseRequest,
): Promise<ParkedKeyReleased> {
  if (request.reason.trim() === '')
    throw new ParkedKeyReleaseRejectedError('A release needs a reason');
  const scope = { group: request.group, topic: request.topic };
  return db.transaction(async (tx) => {
    const parked = (await lockParkedKeys(tx, scope, [request.key])).get(request.key);
    const where = `key ${JSON.stringify(request.key)} of group ${request.group} on ${request.topic}`;
    if (parked === undefined) throw new ParkedKeyReleaseRejectedError(`No parked ${where}`);
    if (parked.headEventId === undefined)
      throw new ParkedKeyReleaseRejectedError(`The ${where} is already being released`);
    const { rows } = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM ferry_parked_events
       WHERE consumer_group = $1 AND topic = $2 AND entity_key = $3`,
      [request.group, request.topic, request.key],
    );
    const parkedEvents = Number(rows[0]?.n ?? 0);
    const releaseId = randomUUID();
    await tx.query(
      `INSERT INTO ferry_parked_key_releases (release_id, consumer_group, topic, entity_key,
         head_event_id, head_state, parked_events, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        releaseId,
        request.group,
        request.topic,
        request.key,
        parked.headEventId,
        parked.state,
        parkedEvents,
        request.reason.trim(),
      ],
    );
    const dropped = await dropEmptyKeys(tx, scope, [request.key], [parked.state]);
    if (dropped === 0)
      await tx.query(
        `UPDATE ferry_parked_keys SET state = 'releasing', head_event_id = NULL, updated_at = now()
         WHERE consumer_group = $1 AND topic = $2 AND entity_key = $3`,
        [request.group, request.topic, request.key],
      );
    return { releaseId, headEventId: parked.headEventId, headState: parked.state, parkedEvents };
  });
}
