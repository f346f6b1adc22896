import { assertIdentifier, type SqlExecutor } from './database';

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [name: string]: JsonValue };

export type JsonObject = { readonly [name: string]: JsonValue };

/**
 * What is known about a replay before anything is published. Who asked is not the caller's to
 * say: the database records the role the session authenticated as (migration 004).
 */
export interface DeadLetterReplayRequest {
  readonly replayId: string;
  /** Absent only for a dry run. */
  readonly reason: string | undefined;
  readonly requestedAt: Date;
  readonly dlqTopic: string;
  /** The filter that selected the records, as JSON. */
  readonly filter: JsonObject;
  /** Where the records went: `original-topic` or `retry-now`. */
  readonly target: string;
  readonly dryRun: boolean;
  readonly matched: number;
}

/** One row of the replay audit. */
export interface DeadLetterReplayAudit extends DeadLetterReplayRequest {
  /** The Postgres role that recorded the replay; undefined on rows older than identities. */
  readonly operator: string | undefined;
  /** On rows older than identities only: the unauthenticated name given with `--by`. */
  readonly statedBy: string | undefined;
  readonly replayed: number;
  /** Undefined while running, or when the replay stopped before it finished. */
  readonly finishedAt: Date | undefined;
}

interface ReplayRow {
  replay_id: string;
  operator: string | null;
  requested_by: string | null;
  reason: string | null;
  requested_at: Date;
  dlq_topic: string;
  filter: unknown;
  target: string;
  dry_run: boolean;
  matched: number;
  replayed: number;
  finished_at: Date | null;
}

/** Records a replay before its first record is published. */
export async function recordDeadLetterReplay(
  db: SqlExecutor,
  request: DeadLetterReplayRequest,
): Promise<void> {
  await db.query(
    `INSERT INTO ferry_dead_letter_replays
       (replay_id, reason, requested_at, dlq_topic, filter, target, dry_run, matched)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [
      request.replayId,
      request.reason ?? null,
      request.requestedAt,
      request.dlqTopic,
      JSON.stringify(request.filter),
      request.target,
      request.dryRun,
      request.matched,
    ],
  );
}

/** Records how many records a replay has published so far, without finishing it. */
export async function recordDeadLetterReplayProgress(
  db: SqlExecutor,
  replayId: string,
  replayed: number,
): Promise<void> {
  await updateReplay(db, replayId, replayed, null);
}

export async function finishDeadLetterReplay(
  db: SqlExecutor,
  replayId: string,
  replayed: number,
  finishedAt: Date,
): Promise<void> {
  await updateReplay(db, replayId, replayed, finishedAt);
}

/** The latest replays, newest first; only those of one dead-letter topic when given. */
export async function listDeadLetterReplays(
  db: SqlExecutor,
  options: { readonly limit: number; readonly dlqTopic?: string },
): Promise<DeadLetterReplayAudit[]> {
  const { rows } = await db.query<ReplayRow>(
    `SELECT * FROM ferry_dead_letter_replays
     WHERE $1::text IS NULL OR dlq_topic = $1
     ORDER BY requested_at DESC, replay_id
     LIMIT $2`,
    [options.dlqTopic ?? null, options.limit],
  );
  return rows.map(auditOf);
}

async function updateReplay(
  db: SqlExecutor,
  replayId: string,
  replayed: number,
  finishedAt: Date | null,
): Promise<void> {
  const { rowCount } = await db.query(
    'UPDATE ferry_dead_letter_replays SET replayed = $2, finished_at = $3 WHERE replay_id = $1',
    [replayId, replayed, finishedAt],
  );
  if (rowCount !== 1) throw new RangeError(`No dead-letter replay ${replayId} was recorded`);
}

function auditOf(row: ReplayRow): DeadLetterReplayAudit {
  return {
    replayId: row.replay_id,
    operator: row.operator ?? undefined,
    statedBy: row.requested_by ?? undefined,
    reason: row.reason ?? undefined,
    requestedAt: row.requested_at,
    dlqTopic: row.dlq_topic,
    filter: isJsonObject(row.filter) ? row.filter : {},
    target: row.target,
    dryRun: row.dry_run,
    matched: row.matched,
    replayed: row.replayed,
    finishedAt: row.finished_at ?? undefined,
  };
}

/** jsonb comes back parsed; only an object is a filter (this table only ever stores objects). */
function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the replays of one schema's audit did, for telling replayed dead letters apart. */
export interface EffectiveReplay {
  readonly dlqTopic: string;
  readonly filter: JsonObject;
  readonly requestedAt: Date;
  readonly dryRun: boolean;
  readonly matched: number;
  readonly replayed: number;
}

/**
 * Every replay in `schema`'s audit that published at least one record, oldest first. Read by the
 * lag exporter, whose role needs only `USAGE` on the schema and `SELECT` on the table.
 */
export async function listEffectiveReplays(
  db: SqlExecutor,
  schema: string,
): Promise<EffectiveReplay[]> {
  const { rows } = await db.query<ReplayRow>(
    `SELECT * FROM ${assertIdentifier(schema)}.ferry_dead_letter_replays
     WHERE NOT dry_run AND replayed > 0
     ORDER BY requested_at, replay_id`,
  );
  return rows.map((row) => {
    const audit = auditOf(row);
    return {
      dlqTopic: audit.dlqTopic,
      filter: audit.filter,
      requestedAt: audit.requestedAt,
      dryRun: audit.dryRun,
      matched: audit.matched,
      replayed: audit.replayed,
    };
  });
}
