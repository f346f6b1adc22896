import type { Transaction } from './database';

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
  const { rows } = await tx.query<{ event_id: string }>(
    `INSERT INTO ferry_processed_events (consumer_group, event_id)
     SELECT $1, id FROM unnest($2::uuid[]) AS id ORDER BY id
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [consumerGroup, eventIds],
  );
  return new Set(rows.map((row) => row.event_id));
}

/** Deletes dedup rows older than `olderThanMs`; returns how many went. */
export async function purgeProcessedEvents(tx: Transaction, olderThanMs: number): Promise<number> {
  const { rowCount } = await tx.query(
    "DELETE FROM ferry_processed_events WHERE processed_at < now() - ($1::bigint * interval '1 millisecond')",
    [olderThanMs],
  );
  return rowCount;
}
