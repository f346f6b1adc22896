import { assertIdentifier, type Transaction } from '../database';
import {
  classifyBatch,
  newestByKey,
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

/** Joins the parts of a composite key. */
const KEY_SEPARATOR = '\u001f';

/**
 * A column's batch travels as one text of its values between these (Postgres splits it with
 * `string_to_array`), which costs a fraction of what a driver's array literal does (an escaped,
 * quoted element each). A column whose values could be misread that way goes as an array.
 */
const VALUE_SEPARATOR = '\u001f';
const NULL_MARK = '\u001e';

type Encoded = { readonly text: string } | { readonly array: unknown[] };

/** One column of `rows` as a parameter: the joined text when every value reads back as itself. */
function encodeColumn<T>(rows: readonly T[], of: StateColumn<T>['of']): Encoded {
  const values: (string | number | boolean)[] = [];
  let joinable = true;
  for (const row of rows) {
    const value = of(row) ?? null;
    if (value === null) {
      values.push(NULL_MARK);
    } else {
      // '' alone would split into no element at all (string_to_array('') is '{}').
      if (
        typeof value === 'string' &&
        (value.includes(VALUE_SEPARATOR) ||
          value === NULL_MARK ||
          (value === '' && rows.length === 1))
      )
        joinable = false;
      values.push(value);
    }
  }
  if (joinable) return { text: values.join(VALUE_SEPARATOR) };
  return { array: rows.map((row) => of(row) ?? null) };
}

const WRITTEN_ALONE: KeyResult = { previousVersion: undefined, written: true };

/**
 * A version-guarded upsert of `spec`'s table, in one statement per batch: the newest event per
 * key (`ON CONFLICT DO UPDATE` cannot touch a row twice), rows written in key order (two writers
 * lock in the same order, so they cannot deadlock), and a row changed only where its stored
 * `source_version` is older: an event never overwrites a newer one, however late it arrives.
 */
export function stateUpsert<T extends StateEvent>(spec: StateTable<T>): StateUpsert<T> {
  const keyColumns = Object.values(spec.key);
  const [onlyKey] = keyColumns;
  const keyOf =
    keyColumns.length === 1 && onlyKey
      ? (event: T) => String(onlyKey.of(event))
      : (event: T) => keyColumns.map((c) => String(c.of(event))).join(KEY_SEPARATOR);
  const sent: StateColumn<T>['of'][] = [
    ...keyColumns.map((c) => c.of),
    ...Object.values(spec.columns).map((c) => c.of),
    (event) => event.sourceVersion,
    (event) => event.eventId,
  ];
  // One statement per set of columns sent as arrays (almost always the empty set).
  const statements = new Map<string, string>();
  return async (tx, events) => {
    const keys = events.map(keyOf);
    const winners = newestByKey(events, keys);
    const rows = [...winners.values()];
    const rowKeys = [...winners.keys()];
    const eventsPerKey = new Map<string, number>();
    for (const key of keys) eventsPerKey.set(key, (eventsPerKey.get(key) ?? 0) + 1);
    const encoded = sent.map((of) => encodeColumn(rows, of));
    // Which keys had more than one event: only theirs need the version stored before.
    encoded.push({
      text: rowKeys.map((key) => (eventsPerKey.get(key) === 1 ? 'f' : 't')).join(','),
    });
    const asArrays = new Set(encoded.flatMap((e, i) => ('array' in e ? [i] : [])));
    const variant = [...asArrays].join(',');
    let statement = statements.get(variant);
    if (statement === undefined) {
      statement = upsertStatement(spec, asArrays);
      statements.set(variant, statement);
    }
    const { rows: results } = await tx.query<{
      row: number;
      previous_version: string | null;
      written: boolean;
    }>(
      statement,
      encoded.map((e) => ('text' in e ? e.text : e.array)),
    );
    const byKey = new Map<string, KeyResult>();
    for (const result of results) {
      const key = rowKeys[result.row - 1];
      if (key === undefined) continue;
      byKey.set(key, {
        previousVersion:
          result.previous_version === null ? undefined : Number(result.previous_version),
        written: result.written,
      });
    }
    // A key not reported back had one event, and it was written.
    return classifyBatch(events, keys, winners, byKey, WRITTEN_ALONE);
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

/**
 * The statement's SQL: identifiers checked, values only as parameters. Each column comes as one
 * text to split (see VALUE_SEPARATOR), or as an array for the columns in `asArrays` (by position:
 * key columns, own columns, then source_version and source_event_id), and last whether each row's
 * key had several events in the batch (`t`/`f`, comma-separated). A result row names its input row
 * by position (`row`, from 1) with the version stored before and whether it was written; only rows
 * whose key had several events (their outcomes depend on the stored version) or that were not
 * written come back, so the common batch (one event per key, all newer) returns next to nothing,
 * and the stored version is looked up only where it is needed.
 */
export function upsertStatement<T extends StateEvent>(
  spec: StateTable<T>,
  asArrays: ReadonlySet<number> = new Set(),
): string {
  const table = assertIdentifier(spec.table);
  const keys = Object.keys(spec.key).map(assertIdentifier);
  const own = Object.keys(spec.columns).map(assertIdentifier);
  const [firstKey] = keys;
  if (firstKey === undefined) throw new RangeError(`State table ${table} needs a key column`);
  const columns = [...keys, ...own];
  const columnTypes = [...Object.values(spec.key), ...Object.values(spec.columns)].map(
    (c) => c.type,
  );
  const types = [...columnTypes.map((type) => PARAMETER_TYPE[type]), 'bigint', 'uuid'];
  const parameters = types.map((type, i) =>
    asArrays.has(i)
      ? `$${i + 1}::${type}[]`
      : `string_to_array($${i + 1}, chr(31), chr(30))::${type}[]`,
  );
  const selected = columns.map((name, i) =>
    columnTypes[i] === 'timestamptz' ? `to_timestamp(${name} / 1000.0)` : name,
  );
  const all = [...columns, ...GUARD_COLUMNS];
  const using = `USING (${keys.join(', ')})`;
  const several = `string_to_array($${types.length + 1}, ',')::boolean[]`;
  return `
WITH incoming AS (
  SELECT * FROM unnest(${parameters.join(', ')}, ${several}) WITH ORDINALITY
    AS t(${all.join(', ')}, several, row)
),
previous AS (
  SELECT ${keys.map((k) => `s.${k}`).join(', ')}, s.source_version
  FROM ${table} s JOIN incoming i ${using} WHERE i.several
),
written AS (
  INSERT INTO ${table} AS s (${all.join(', ')})
  SELECT ${[...selected, ...GUARD_COLUMNS].join(', ')} FROM incoming ORDER BY ${keys.join(', ')}
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
    ${[...own, ...GUARD_COLUMNS].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE s.source_version < EXCLUDED.source_version
  RETURNING ${keys.map((k) => `s.${k}`).join(', ')}
)
SELECT i.row, p.source_version AS previous_version, w.${firstKey} IS NOT NULL AS written
FROM incoming i LEFT JOIN previous p ${using} LEFT JOIN written w ${using}
WHERE i.several OR w.${firstKey} IS NULL`;
}
