import type { SqlExecutor } from '@ferry/persistence';

/** The stored version per `sku@location` key of `inventory_levels` (search path: its schema). */
export async function readStoredVersions(db: SqlExecutor): Promise<Map<string, number>> {
  const { rows } = await db.query<{ key: string; version: string }>(
    "SELECT sku || '@' || location AS key, source_version AS version FROM inventory_levels",
  );
  return new Map(rows.map((row) => [row.key, Number(row.version)]));
}

/** How many event ids `group` recorded as processed. */
export async function countProcessedEvents(db: SqlExecutor, group: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM ferry_processed_events WHERE consumer_group = $1',
    [group],
  );
  return Number(rows[0]?.n ?? 0);
}
