import type { InventoryLevelSet } from '@ferry/contracts';
import type { SqlExecutor } from '@ferry/persistence';

export interface CounterRow {
  readonly entityId: string;
  readonly applied: number;
  readonly lastVersion: number;
}

/**
 * What a test sent, duplicates included, and therefore what the counting consumer's tables must
 * hold once it is done: one effect per distinct event id, and per key the number of distinct
 * events and the highest version.
 */
export class EffectsOracle {
  private readonly events = new Map<string, InventoryLevelSet>();
  private messages = 0;

  /** Records events that Kafka acknowledged; an id sent again is a duplicate and adds nothing. */
  sent(events: readonly InventoryLevelSet[]): void {
    for (const event of events) this.events.set(event.eventId, event);
    this.messages += events.length;
  }

  /** Messages sent, duplicates included. */
  get sentCount(): number {
    return this.messages;
  }

  /** Distinct event ids sent: the number of effects there must be. */
  get eventCount(): number {
    return this.events.size;
  }

  eventIds(): ReadonlySet<string> {
    return new Set(this.events.keys());
  }

  /** Every distinct event sent. */
  sentEvents(): InventoryLevelSet[] {
    return [...this.events.values()];
  }

  /** Per entity, the event of its highest version: what a state projection must end with. */
  newest(): Map<string, InventoryLevelSet> {
    const newest = new Map<string, InventoryLevelSet>();
    for (const event of this.events.values()) {
      const kept = newest.get(event.entityId);
      if (kept === undefined || kept.sourceVersion < event.sourceVersion)
        newest.set(event.entityId, event);
    }
    return newest;
  }

  counters(): Map<string, CounterRow> {
    const counters = new Map<string, CounterRow>();
    for (const { entityId, sourceVersion } of this.events.values()) {
      const previous = counters.get(entityId);
      counters.set(entityId, {
        entityId,
        applied: (previous?.applied ?? 0) + 1,
        lastVersion: Math.max(previous?.lastVersion ?? 0, sourceVersion),
      });
    }
    return counters;
  }
}

/** Effect rows written so far, by one instance or by all. */
export async function appliedEffects(db: SqlExecutor, instance?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM effects WHERE $1::text IS NULL OR instance = $1',
    [instance ?? null],
  );
  return rows[0]?.n ?? 0;
}

/** Distinct event ids with an effect so far. */
export async function appliedEventIds(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(DISTINCT event_id)::int AS n FROM effects',
  );
  return rows[0]?.n ?? 0;
}

/** Applications per instance, e.g. `{ a: 1200, b: 800 }`. */
export async function effectsByInstance(db: SqlExecutor): Promise<Record<string, number>> {
  const { rows } = await db.query<{ instance: string; n: number }>(
    'SELECT instance, count(*)::int AS n FROM effects GROUP BY instance ORDER BY instance',
  );
  return Object.fromEntries(rows.map((row) => [row.instance, row.n]));
}

/**
 * Compares the counting consumer's tables with the oracle: every event id applied exactly once
 * (none missing, none unknown, none twice), and the counters table equal to the oracle's, row by
 * row. Differences are listed, not just counted, so a failure says what went wrong.
 */
export async function expectExactlyOnce(db: SqlExecutor, oracle: EffectsOracle): Promise<void> {
  const applications = await db.query<{ event_id: string; n: number }>(
    'SELECT event_id, count(*)::int AS n FROM effects GROUP BY event_id',
  );
  const applied = new Map(applications.rows.map((row) => [row.event_id, row.n]));
  const expectedIds = oracle.eventIds();
  const appliedTwice = [...applied].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
  const missing = [...expectedIds].filter((id) => !applied.has(id));
  const unknown = [...applied.keys()].filter((id) => !expectedIds.has(id));

  const counterRows = await db.query<{ entity_id: string; applied: number; last_version: string }>(
    'SELECT entity_id, applied, last_version FROM counters',
  );
  const observed = new Map(
    counterRows.rows.map((row): [string, CounterRow] => [
      row.entity_id,
      { entityId: row.entity_id, applied: row.applied, lastVersion: Number(row.last_version) },
    ]),
  );
  const expected = oracle.counters();
  const counterDifferences = [...new Set([...expected.keys(), ...observed.keys()])]
    .filter((key) => JSON.stringify(expected.get(key)) !== JSON.stringify(observed.get(key)))
    .map((key) => ({ key, expected: expected.get(key), observed: observed.get(key) }));

  expect({
    appliedTwice: sample(appliedTwice),
    missing: sample(missing),
    unknown: sample(unknown),
    counterDifferences: sample(counterDifferences),
  }).toEqual({
    appliedTwice: sample([]),
    missing: sample([]),
    unknown: sample([]),
    counterDifferences: sample([]),
  });
  expect([...applied.values()].reduce((sum, n) => sum + n, 0)).toBe(oracle.eventCount);
}

/** A count and the first few items: a readable failure even when thousands are wrong. */
function sample<T>(items: readonly T[]): { count: number; first: readonly T[] } {
  return { count: items.length, first: items.slice(0, 5) };
}
