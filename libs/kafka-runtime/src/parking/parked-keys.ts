import type { SqlExecutor, Transaction } from '@ferry/persistence';
import type { HeadState, ParkedKey, ParkedKeyState } from './parking-plan';
import { lockOrder } from './parking-plan';

/*
 * The parking lot in Postgres (tables of migration 003_parked_keys). Every function takes the
 * transaction it runs in: parking, applying and releasing happen together with the dedup rows.
 */

/** Whose parking lot: one consumer group reading one topic (and its retry tiers). */
export interface ParkingScope {
  readonly group: string;
  readonly topic: string;
}

/** A record parked behind its key, as it was consumed. */
export interface ParkedRecord {
  readonly key: string;
  readonly eventId: string;
  readonly recordKey: Buffer | null;
  readonly recordValue: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition: number;
  readonly offset: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

export interface StoredParkedRecord extends ParkedRecord {
  readonly seq: string;
}

interface ParkedKeyRow {
  entity_key: string;
  state: ParkedKeyState;
  head_event_id: string | null;
}

/**
 * Locks the parked keys among `keys` for the rest of the transaction (in key order, so two slices
 * cannot deadlock) and returns them. A key's parked events change only under this lock: a slice
 * parking an event and a release applying the key's events never interleave.
 */
export async function lockParkedKeys(
  tx: Transaction,
  scope: ParkingScope,
  keys: Iterable<string>,
): Promise<Map<string, ParkedKey>> {
  const sorted = lockOrder(keys);
  if (sorted.length === 0) return new Map();
  const { rows } = await tx.query<ParkedKeyRow>(
    `SELECT entity_key, state, head_event_id FROM ferry_parked_keys
     WHERE consumer_group = $1 AND topic = $2 AND entity_key = ANY($3::text[])
     ORDER BY entity_key
     FOR UPDATE`,
    [scope.group, scope.topic, sorted],
  );
  return new Map(
    rows.map((row) => [
      row.entity_key,
      { state: row.state, headEventId: row.head_event_id ?? undefined },
    ]),
  );
}

/**
 * Parks `records` in their order, except events this group already applied and events already
 * parked (a re-delivered slice). Returns the ids parked now.
 */
export async function parkRecords(
  tx: Transaction,
  scope: ParkingScope,
  records: readonly ParkedRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const { rows } = await tx.query<{ event_id: string }>(
    `INSERT INTO ferry_parked_events (consumer_group, topic, entity_key, event_id, record_key,
       record_value, headers, source_partition, source_offset, record_timestamp)
     SELECT $1, $2, r.entity_key, r.event_id, r.record_key, r.record_value, r.headers,
       r.source_partition, r.source_offset, r.record_timestamp
     FROM unnest($3::text[], $4::uuid[], $5::bytea[], $6::bytea[], $7::jsonb[], $8::integer[],
       $9::bigint[], $10::bigint[]) WITH ORDINALITY
       AS r(entity_key, event_id, record_key, record_value, headers, source_partition,
         source_offset, record_timestamp, arrival)
     WHERE NOT EXISTS (SELECT 1 FROM ferry_processed_events p
                       WHERE p.consumer_group = $1 AND p.event_id = r.event_id)
     ORDER BY r.arrival
     ON CONFLICT (consumer_group, event_id) DO NOTHING
     RETURNING event_id`,
    [
      scope.group,
      scope.topic,
      records.map((r) => r.key),
      records.map((r) => r.eventId),
      records.map((r) => r.recordKey),
      records.map((r) => r.recordValue),
      records.map((r) => JSON.stringify(r.headers)),
      records.map((r) => r.partition),
      records.map((r) => r.offset),
      records.map((r) => r.timestamp),
    ],
  );
  return new Set(rows.map((row) => row.event_id));
}

/**
 * Makes `headEventId` the head of its key after it failed: parks the key when it was not, or
 * updates the head's state. A key already waiting for another head keeps it (the failed event was
 * applied by mistake and comes back from its retry tier to be parked).
 */
export async function holdKey(
  db: SqlExecutor,
  scope: ParkingScope,
  key: string,
  headEventId: string,
  state: HeadState,
): Promise<void> {
  await db.query(
    `INSERT INTO ferry_parked_keys (consumer_group, topic, entity_key, state, head_event_id)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (consumer_group, topic, entity_key) DO UPDATE
       SET state = EXCLUDED.state, updated_at = now()
       WHERE ferry_parked_keys.head_event_id = EXCLUDED.head_event_id`,
    [scope.group, scope.topic, key, state, headEventId],
  );
}

/**
 * After the heads of `keys` were applied (in the same transaction): a key with nothing parked is
 * dropped, the others start releasing. Returns the keys now releasing.
 */
export async function releaseHeads(
  tx: Transaction,
  scope: ParkingScope,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  await dropEmptyKeys(tx, scope, keys, ['retrying', 'dead-lettered', 'releasing']);
  const { rows } = await tx.query<{ entity_key: string }>(
    `UPDATE ferry_parked_keys SET state = 'releasing', head_event_id = NULL, updated_at = now()
     WHERE consumer_group = $1 AND topic = $2 AND entity_key = ANY($3::text[])
     RETURNING entity_key`,
    [scope.group, scope.topic, lockOrder(keys)],
  );
  return rows.map((row) => row.entity_key);
}

/** Drops those of `keys` in one of `states` that have no parked events left. */
export async function dropEmptyKeys(
  tx: Transaction,
  scope: ParkingScope,
  keys: readonly string[],
  states: readonly ParkedKeyState[],
): Promise<number> {
  const { rowCount } = await tx.query(
    `DELETE FROM ferry_parked_keys k
     WHERE k.consumer_group = $1 AND k.topic = $2 AND k.entity_key = ANY($3::text[])
       AND k.state = ANY($4::text[])
       AND NOT EXISTS (SELECT 1 FROM ferry_parked_events e
                       WHERE e.consumer_group = k.consumer_group AND e.topic = k.topic
                         AND e.entity_key = k.entity_key)`,
    [scope.group, scope.topic, lockOrder(keys), states],
  );
  return rowCount;
}

interface ParkedEventRow {
  seq: string;
  entity_key: string;
  event_id: string;
  record_key: Buffer | null;
  record_value: Buffer | null;
  headers: Record<string, string>;
  source_partition: number;
  source_offset: string;
  record_timestamp: string;
}

/** The first `limit` events parked behind `key`, oldest first. */
export async function parkedRecordsOf(
  tx: Transaction,
  scope: ParkingScope,
  key: string,
  limit: number,
): Promise<StoredParkedRecord[]> {
  const { rows } = await tx.query<ParkedEventRow>(
    `SELECT seq, entity_key, event_id, record_key, record_value, headers, source_partition,
            source_offset, record_timestamp
     FROM ferry_parked_events
     WHERE consumer_group = $1 AND topic = $2 AND entity_key = $3
     ORDER BY seq
     LIMIT $4`,
    [scope.group, scope.topic, key, limit],
  );
  return rows.map((row) => ({
    seq: row.seq,
    key: row.entity_key,
    eventId: row.event_id,
    recordKey: row.record_key,
    recordValue: row.record_value,
    headers: row.headers,
    partition: row.source_partition,
    offset: row.source_offset,
    timestamp: Number(row.record_timestamp),
  }));
}

export async function deleteParkedRecords(tx: Transaction, seqs: readonly string[]): Promise<void> {
  if (seqs.length === 0) return;
  await tx.query('DELETE FROM ferry_parked_events WHERE seq = ANY($1::bigint[])', [seqs]);
}

/**
 * A parked event failed while its key was releasing: it becomes the key's new head and leaves the
 * parking lot (it is in a retry tier or the dead-letter topic by now); the rest keeps waiting.
 */
export async function blockOnParkedRecord(
  tx: Transaction,
  scope: ParkingScope,
  record: StoredParkedRecord,
  state: HeadState,
): Promise<void> {
  await tx.query(
    `UPDATE ferry_parked_keys SET state = $4, head_event_id = $5, updated_at = now()
     WHERE consumer_group = $1 AND topic = $2 AND entity_key = $3 AND state = 'releasing'`,
    [scope.group, scope.topic, record.key, state, record.eventId],
  );
  await deleteParkedRecords(tx, [record.seq]);
}

/** Keys whose parked events are waiting to be applied, longest waiting first. */
export async function releasingKeys(db: SqlExecutor, scope: ParkingScope): Promise<string[]> {
  const { rows } = await db.query<{ entity_key: string }>(
    `SELECT entity_key FROM ferry_parked_keys
     WHERE consumer_group = $1 AND topic = $2 AND state = 'releasing'
     ORDER BY updated_at, entity_key`,
    [scope.group, scope.topic],
  );
  return rows.map((row) => row.entity_key);
}

export interface ParkingCounts {
  readonly keys: Readonly<Record<ParkedKeyState, number>>;
  readonly events: number;
}

/** How many keys are parked, by state, and how many events wait behind them. */
export async function parkingCounts(db: SqlExecutor, scope: ParkingScope): Promise<ParkingCounts> {
  const { rows } = await db.query<{ state: ParkedKeyState; keys: string; events: string }>(
    `SELECT k.state, count(DISTINCT k.entity_key) AS keys, count(e.seq) AS events
     FROM ferry_parked_keys k
     LEFT JOIN ferry_parked_events e ON e.consumer_group = k.consumer_group AND e.topic = k.topic
                                    AND e.entity_key = k.entity_key
     WHERE k.consumer_group = $1 AND k.topic = $2
     GROUP BY k.state`,
    [scope.group, scope.topic],
  );
  const keys: Record<ParkedKeyState, number> = { retrying: 0, 'dead-lettered': 0, releasing: 0 };
  let events = 0;
  for (const row of rows) {
    keys[row.state] = Number(row.keys);
    events += Number(row.events);
  }
  return { keys, events };
}
