import { assertIdentifier, type Transaction } from '../database';
import {
  classifyStateOutcomes,
  newestPerKey,
  type KeyResult,
  type StateOutcome,
  type VersionedState,
} from './state-outcomes';

/**
 * How a value is sent to Postgres: as an array parameter of this type, cast in the statement.
 * `timestamptz` takes epoch milliseconds (Avro `timestamp-millis`), `numeric` a decimal text, `date`
 * a `YYYY-MM-DD` text (Avro `date` as Ferry's contracts give it).
 */
export type StateColumnType =
  | 'text'
  | 'uuid'
  | 'bigint'
  | 'integer'
  | 'double'
  | 'numeric'
  | 'boolean'
  | 'date'
  | 'timestamptz';

export interface StateColumn<T> {
  readonly type: StateColumnType;
  readonly of: (state: T) => string | number | boolean | null | undefined;
}

/** A column of `type` read from the event by `of`. */
export function column<T>(type: StateColumnType, of: StateColumn<T>['of']): StateColumn<T> {
  return { type, of };
}

/**
 * A projection table of absolute states, one row per entity key. Besides its own columns it has
 * `source_version bigint` and `source_event_id uuid` (the guard and the event that wrote the row)
 * and `updated_at timestamptz` — the consumer generator's migration creates all three.
 */
export interface StateTable<T extends StateEvent> {
  readonly table: string;
  /** The primary key, in order: the entity's key columns. */
  readonly key: Readonly<Record<string, StateColumn<T>>>;
  /** Every other column the event sets; each is replaced, never added to. */
  readonly columns: Readonly<Record<string, StateColumn<T>>>;
}

/** What every state event carries (the envelope's fields the upsert guards by). */
export interface StateEvent extends VersionedState {
  readonly eventId: string;
}

/** Writes a batch of states: how many were applied, superseded in the batch, or stale. */
export type StateUpsert<T> = (
  tx: Transaction,
  events: readonly T[],
) => Promise<Record<StateOutcome, number>>;

const GUARD_COLUMNS = ['source_version', 'source_event_id'] as const;

/** Joins the parts of a composite key, the same way in the statement (`chr(31)`) and here. */
const KEY_SEPARATOR = '\u001f';

/**
 * A version-guarded upsert of `spec`'s table, in one statement per batch: the newest event per
 * key (`ON CONFLICT DO UPDATE` cannot touch a row twice), rows written in key order (two writers
 * lock in the same order, so they cannot deadlock), and a row changed only where its stored
 * `source_version` is older: an event never overwrites a newer one, however late it arrives.
 */
export function stateUpsert<T extends StateEvent>(spec: StateTable<T>): StateUpsert<T> {
  const statement = upsertStatement(spec);
  const keyColumns = Object.values(spec.key);
  const keyOf = (event: T) => keyColumns.map((c) => String(c.of(event))).join(KEY_SEPARATOR);
  const valueColumns = [...keyColumns, ...Object.values(spec.columns)];
  return async (tx, events) => {
    const rows = newestPerKey(events, keyOf);
    const { rows: results } = await tx.query<{
      entity_key: string;
      previous_version: string | null;
      written: boolean;
    }>(statement, [
      ...valueColumns.map((c) => rows.map((event) => c.of(event) ?? null)),
      rows.map((event) => event.sourceVersion),
      rows.map((event) => event.eventId),
    ]);
    const byKey = new Map<string, KeyResult>(
      results.map((r) => [
        r.entity_key,
        {
          previousVersion: r.previous_version === null ? undefined : Number(r.previous_version),
          written: r.written,
        },
      ]),
    );
    return classifyStateOutcomes(events, byKey, keyOf);
  };
}

const PARAMETER_TYPE: Readonly<Record<StateColumnType, string>> = {
  text: 'text',
  uuid: 'uuid',
  bigint: 'bigint',
  integer: 'integer',
  double: 'double precision',
  numeric: 'numeric',
  boolean: 'boolean',
  date: 'date',
  timestamptz: 'bigint',
};

/** The statement's SQL: identifiers checked, values only as parameters. */
export function upsertStatement<T extends StateEvent>(spec: StateTable<T>): string {
  const table = assertIdentifier(spec.table);
  const keys = Object.keys(spec.key).map(assertIdentifier);
  const own = Object.keys(spec.columns).map(assertIdentifier);
  const [firstKey] = keys;
  if (firstKey === undefined) throw new RangeError(`State table ${table} needs a key column`);
  const columns = [...keys, ...own];
  const types = [...Object.values(spec.key), ...Object.values(spec.columns)].map((c) => c.type);
  const parameters = [
    ...types.map((type, i) => `$${i + 1}::${PARAMETER_TYPE[type]}[]`),
    `$${types.length + 1}::bigint[]`,
    `$${types.length + 2}::uuid[]`,
  ];
  const selected = columns.map((name, i) =>
    types[i] === 'timestamptz' ? `to_timestamp(${name} / 1000.0)` : name,
  );
  const all = [...columns, ...GUARD_COLUMNS];
  const using = `USING (${keys.join(', ')})`;
  const keyText = keys.map((k) => `i.${k}::text`).join(' || chr(31) || ');
  return `
WITH incoming AS (
  SELECT * FROM unnest(${parameters.join(', ')}) AS t(${all.join(', ')})
),
previous AS (
  SELECT ${keys.map((k) => `s.${k}`).join(', ')}, s.source_version
  FROM ${table} s JOIN incoming i ${using}
),
written AS (
  INSERT INTO ${table} AS s (${all.join(', ')})
  SELECT ${[...selected, ...GUARD_COLUMNS].join(', ')} FROM incoming ORDER BY ${keys.join(', ')}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
    ${[...own, ...GUARD_COLUMNS].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE s.source_version < EXCLUDED.source_version
  RETURNING ${keys.map((k) => `s.${k}`).join(', ')}
)
SELECT ${keyText} AS entity_key, p.source_version AS previous_version,
       w.${firstKey} IS NOT NULL AS written
FROM incoming i LEFT JOIN previous p ${using} LEFT JOIN written w ${using}`;
}
