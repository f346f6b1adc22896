import { openDatabase, type Database } from './database';
import { applyMigrations, persistenceMigrations } from './migrations';
import { dropSchema } from './server';
import { purgeProcessedEvents, recordFirstDeliveries } from './processed-events';

const a = '00000000-0000-5000-8000-00000000000a';
const b = '00000000-0000-5000-8000-00000000000b';
const c = '00000000-0000-5000-8000-00000000000c';

describe('processed events (real Postgres)', () => {
  // No @ferry/test-support here: it builds on this library.
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ferry';
  const schema = `dedup_${Date.now().toString(36)}_${process.pid}`;
  let db: Database;

  beforeAll(async () => {
    db = openDatabase({ url, schema });
    await applyMigrations(db, [persistenceMigrations], schema);
  });

  afterAll(async () => {
    await db.close();
    await dropSchema(url, schema);
  });

  it('applies migrations once; a second run applies nothing', async () => {
    expect(await applyMigrations(db, [persistenceMigrations], schema)).toEqual([]);
  });

  it('returns only ids this group has not processed, once each', async () => {
    const first = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-1', [a, b, a]));
    expect([...first].sort()).toEqual([a, b]);
    const second = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-1', [b, c]));
    expect([...second]).toEqual([c]);
  });

  it("knows an id however its letters are cased, and answers in the caller's spelling", async () => {
    const lower = '00000000-0000-5000-8000-0000000000ef';
    const upper = lower.toUpperCase();
    const first = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-1', [upper]));
    expect([...first]).toEqual([upper]);
    const again = await db.transaction((tx) =>
      recordFirstDeliveries(tx, 'group-1', [lower, upper]),
    );
    expect([...again]).toEqual([]);
  });

  it('refuses an id that is not a UUID before touching the table', async () => {
    const twoInOne = `${a},${b}`;
    await expect(
      db.transaction((tx) => recordFirstDeliveries(tx, 'group-3', [c, twoInOne])),
    ).rejects.toThrow(`Not an event id (UUID): ${twoInOne}`);
    const after = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-3', [a, b, c]));
    expect([...after].sort()).toEqual([a, b, c].sort());
  });

  it('keeps groups apart', async () => {
    const other = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-2', [a]));
    expect([...other]).toEqual([a]);
  });

  it('purges only the rows older than the retention, so those ids count as new again', async () => {
    const old = '00000000-0000-5000-8000-0000000000f1';
    const recent = '00000000-0000-5000-8000-0000000000f2';
    await db.transaction((tx) => recordFirstDeliveries(tx, 'group-purge', [old, recent]));
    await db.transaction((tx) =>
      tx.query(
        `UPDATE ferry_processed_events SET processed_at = now() - interval '2 days'
          WHERE consumer_group = 'group-purge' AND event_id = $1`,
        [old],
      ),
    );
    const oneDayMs = 24 * 3_600_000;
    // Every other row of this table was recorded moments ago and stays.
    expect(await db.transaction((tx) => purgeProcessedEvents(tx, oneDayMs))).toBe(1);
    const again = await db.transaction((tx) =>
      recordFirstDeliveries(tx, 'group-purge', [old, recent]),
    );
    expect([...again]).toEqual([old]);
  });

  it('forgets ids of a rolled-back transaction', async () => {
    const d = '00000000-0000-5000-8000-00000000000d';
    await expect(
      db.transaction(async (tx) => {
        await recordFirstDeliveries(tx, 'group-1', [d]);
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    const retried = await db.transaction((tx) => recordFirstDeliveries(tx, 'group-1', [d]));
    expect([...retried]).toEqual([d]);
  });
});
