import type { Transaction } from './database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records `eventIds` as processed by `consumerGroup` and returns the ids seen for the first time.
 * Run it in the transaction that applies the events' effects: an id already recorded means the
 * event's effect is already committed, so the caller skips it. Ids are inserted in sorted order so
 * that two instances briefly sharing a partition during a rebalance cannot deadlock.
 */
export async function recordFirstDeliveries(
  tx: Transaction,
  consumerGroup: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const malformed = eventIds.find((id) => !UUID.test(id));
  if (malformed !== undefined) throw new RangeError(`Not an event id (UUID): ${malformed}`);
  // The ids travel as one comma-separated text and only the ids already recorded come back
  // (usually none), which spares the consumer's busiest path building and parsing thousands of
  // array elements and result rows per batch.
  const { rows } = await tx.query<{ event_id: string }>(
    `WITH incoming AS (
       SELECT given, given::uuid AS id FROM unnest(string_to_array($2, ',')) AS given
     ),
     inserted AS (
       INSERT INTO ferry_processed_events (consumer_group, event_id)
       SELECT $1, id FROM incoming ORDER BY id
       ON CONFLICT DO NOTHING
       RETURNING event_id
     )
     SELECT DISTINCT given AS event_id FROM incoming
     WHERE id NOT IN (SELECT event_id FROM inserted)`,
    [consumerGroup, eventIds.join(',')],
  );
  const fresh = new Set(eventIds);
  for (const row of rows) fresh.delete(row.event_id);
  return fresh;
}

/** Deletes dedup rows older than `olderThanMs`; returns how many went. */
export async function purgeProcessedEvents(tx: Transaction, olderThanMs: number): Promise<number> {
  const { rowCount } = await tx.query(
    "DELETE FROM ferry_processed_events WHERE processed_at < now() - ($1::bigint * interval '1 millisecond')",
    [olderThanMs],
  );
  return rowCount;
}
