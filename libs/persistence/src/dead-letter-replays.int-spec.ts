import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from './database';
import {
  finishDeadLetterReplay,
  listDeadLetterReplays,
  recordDeadLetterReplay,
  recordDeadLetterReplayProgress,
  type DeadLetterReplayRequest,
} from './dead-letter-replays';
import { applyMigrations, persistenceMigrations } from './migrations';
import { dropSchema } from './server';

describe('dead-letter replay audit (real Postgres)', () => {
  // No @ferry/test-support here: it builds on this library.
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ferry';
  const schema = `replays_${Date.now().toString(36)}_${process.pid}`;
  let db: Database;
  let sessionRole: string;

  beforeAll(async () => {
    db = openDatabase({ url, schema });
    await applyMigrations(db, [persistenceMigrations], schema);
    const { rows } = await db.query<{ role: string }>('SELECT session_user AS role');
    sessionRole = rows[0]?.role ?? '';
  });

  afterAll(async () => {
    await db.close();
    await dropSchema(url, schema);
  });

  function request(overrides: Partial<DeadLetterReplayRequest> = {}): DeadLetterReplayRequest {
    return {
      replayId: randomUUID(),
      reason: 'schema 7 registered after the fact',
      requestedAt: new Date('2024-06-01T08:00:00.000Z'),
      dlqTopic: 'levels.dlq',
      filter: { consumerGroup: 'projector', position: { partition: 0, offset: '3' } },
      target: 'original-topic',
      dryRun: false,
      matched: 2,
      ...overrides,
    };
  }

  it('records a replay before it runs and finishes it afterwards', async () => {
    const started = request();
    await recordDeadLetterReplay(db, started);
    const [running] = await listDeadLetterReplays(db, { limit: 1, dlqTopic: 'levels.dlq' });
    expect(running).toEqual({
      ...started,
      operator: sessionRole,
      statedBy: undefined,
      replayed: 0,
      finishedAt: undefined,
    });

    await recordDeadLetterReplayProgress(db, started.replayId, 1);
    const finishedAt = new Date('2024-06-01T08:00:05.000Z');
    await finishDeadLetterReplay(db, started.replayId, 2, finishedAt);
    const [finished] = await listDeadLetterReplays(db, { limit: 1, dlqTopic: 'levels.dlq' });
    expect(finished).toEqual({
      ...started,
      operator: sessionRole,
      statedBy: undefined,
      replayed: 2,
      finishedAt,
    });
  });

  it('lists newest first, by topic when asked, and keeps a dry run without a reason', async () => {
    const dry = request({
      dlqTopic: 'orders.dlq',
      reason: undefined,
      dryRun: true,
      requestedAt: new Date('2024-06-02T08:00:00.000Z'),
      filter: {},
    });
    await recordDeadLetterReplay(db, dry);
    const all = await listDeadLetterReplays(db, { limit: 10 });
    expect(all.map((row) => row.dlqTopic)).toEqual(['orders.dlq', 'levels.dlq']);
    expect(all[0]).toMatchObject({ reason: undefined, dryRun: true, filter: {} });
    expect(await listDeadLetterReplays(db, { limit: 10, dlqTopic: 'orders.dlq' })).toHaveLength(1);
    expect(await listDeadLetterReplays(db, { limit: 1 })).toHaveLength(1);
  });

  it('names the session role whatever the client writes, and keeps it on update', async () => {
    const forged = request();
    await recordDeadLetterReplay(db, forged);
    await db.query(
      "UPDATE ferry_dead_letter_replays SET operator = 'mallory' WHERE replay_id = $1",
      [forged.replayId],
    );
    const { rows } = await db.query<{ operator: string; requested_by: string | null }>(
      `INSERT INTO ferry_dead_letter_replays
         (replay_id, operator, requested_by, requested_at, dlq_topic, filter, target, dry_run, matched)
       VALUES ($1, 'mallory', NULL, now(), 'x.dlq', '{}', 'original-topic', true, 0)
       RETURNING operator, requested_by`,
      [randomUUID()],
    );
    expect(rows).toEqual([{ operator: sessionRole, requested_by: null }]);
    const all = await listDeadLetterReplays(db, { limit: 10, dlqTopic: 'levels.dlq' });
    expect(all.find((row) => row.replayId === forged.replayId)).toMatchObject({
      operator: sessionRole,
      statedBy: undefined,
    });
  });

  it('refuses to finish a replay that was never recorded', async () => {
    await expect(finishDeadLetterReplay(db, randomUUID(), 0, new Date())).rejects.toThrow(
      RangeError,
    );
  });
});
