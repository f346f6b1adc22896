import { assertIdentifier, type SqlExecutor } from '@ferry/persistence';
import type { Delivery } from './recovery';

/**
 * Triggers that log, in the consumer's own transactions, every event id it records as processed
 * (`ferry_processed_events`) and every row its effect writes: a rolled-back transaction leaves no
 * log row, a committed one leaves one per write. An event id logged twice was applied twice,
 * whatever guard should have stopped it; the dedup table alone cannot show that (its key would
 * refuse the second row). Statement triggers with transition tables, so that a batch of
 * thousands costs one insert per statement.
 */
export async function installEffectAudit(
  db: SqlExecutor,
  schema: string,
  effect?: { readonly table: string; readonly eventIdColumn: string },
): Promise<void> {
  const s = assertIdentifier(schema);
  await db.query(`
    CREATE TABLE ${s}.fault_audit (
      kind           text        NOT NULL,
      consumer_group text,
      event_id       uuid        NOT NULL,
      at             timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE FUNCTION ${s}.fault_audit_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${s}.fault_audit (kind, consumer_group, event_id)
        SELECT 'delivery', consumer_group, event_id FROM recorded;
      RETURN NULL;
    END $$;
    CREATE TRIGGER fault_audit_delivery AFTER INSERT ON ${s}.ferry_processed_events
      REFERENCING NEW TABLE AS recorded FOR EACH STATEMENT
      EXECUTE FUNCTION ${s}.fault_audit_delivery();`);
  if (effect === undefined) return;
  const table = assertIdentifier(effect.table);
  const column = assertIdentifier(effect.eventIdColumn);
  await db.query(`
    CREATE FUNCTION ${s}.fault_audit_effect() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${s}.fault_audit (kind, event_id) SELECT 'effect', ${column} FROM written;
      RETURN NULL;
    END $$;
    CREATE TRIGGER fault_audit_effect_insert AFTER INSERT ON ${s}.${table}
      REFERENCING NEW TABLE AS written FOR EACH STATEMENT
      EXECUTE FUNCTION ${s}.fault_audit_effect();
    CREATE TRIGGER fault_audit_effect_update AFTER UPDATE ON ${s}.${table}
      REFERENCING NEW TABLE AS written FOR EACH STATEMENT
      EXECUTE FUNCTION ${s}.fault_audit_effect();`);
}

/** Event ids `group` has recorded as processed (its dedup rows). */
export async function recordedEventIds(db: SqlExecutor, group: string): Promise<Set<string>> {
  const { rows } = await db.query<{ event_id: string }>(
    'SELECT event_id FROM ferry_processed_events WHERE consumer_group = $1',
    [group],
  );
  return new Set(rows.map((row) => row.event_id));
}

/** How many events `group` has recorded as processed. */
export async function recordedCount(db: SqlExecutor, group: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM ferry_processed_events WHERE consumer_group = $1',
    [group],
  );
  return rows[0]?.n ?? 0;
}

/** Event ids the audit logged more than once: recorded twice, or written twice. */
export async function eventsAppliedTwice(db: SqlExecutor, group: string): Promise<string[]> {
  const { rows } = await db.query<{ event_id: string }>(
    `SELECT event_id FROM fault_audit
      WHERE kind = 'effect' OR consumer_group = $1
      GROUP BY kind, event_id HAVING count(*) > 1`,
    [group],
  );
  return [...new Set(rows.map((row) => row.event_id))];
}

/** Every first recording of an event by `group`, with its time. */
export async function deliveriesOf(db: SqlExecutor, group: string): Promise<Delivery[]> {
  const { rows } = await db.query<{ event_id: string; at_ms: string }>(
    `SELECT event_id, (extract(epoch FROM min(at)) * 1000)::bigint AS at_ms FROM fault_audit
      WHERE kind = 'delivery' AND consumer_group = $1 GROUP BY event_id`,
    [group],
  );
  return rows.map((row) => ({ eventId: row.event_id, at: Number(row.at_ms) }));
}
