import { applyMigrations, persistenceMigrations, recordFirstDeliveries } from '@ferry/persistence';
import { isolatedDatabase, testEnvironment, type IsolatedDatabase } from '@ferry/test-support';
import {
  deliveriesOf,
  eventsAppliedTwice,
  installEffectAudit,
  recordedCount,
} from './effect-audit';

const first = '00000000-0000-5000-8000-0000000000a1';
const second = '00000000-0000-5000-8000-0000000000a2';

/*
 * The audit that finds an event applied twice, against real Postgres: the real dedup table (its
 * migrations), a stand-in effect table, and doubles made on purpose, since Ferry's own guards
 * never make one.
 */
describe('effect audit', () => {
  const env = testEnvironment();
  const group = 'audit-group';
  let database: IsolatedDatabase;

  beforeEach(async () => {
    database = isolatedDatabase(env.databaseUrl, 'fault_audit');
    await applyMigrations(database.db, [persistenceMigrations], database.schema);
    await database.db.query(
      'CREATE TABLE levels (entity text PRIMARY KEY, version bigint NOT NULL, source_event_id uuid NOT NULL)',
    );
    await installEffectAudit(database.db, database.schema, {
      table: 'levels',
      eventIdColumn: 'source_event_id',
    });
  });

  afterEach(async () => {
    await database.drop();
  });

  const record = (ids: string[]) =>
    database.db.transaction((tx) => recordFirstDeliveries(tx, group, ids));

  it('finds nothing when each event is recorded and written once, redeliveries included', async () => {
    await record([first, second]);
    await record([first]);
    await database.db.query(`INSERT INTO levels VALUES ('A', 1, $1), ('B', 1, $2)`, [
      first,
      second,
    ]);
    expect(await eventsAppliedTwice(database.db, group)).toEqual([]);
    expect(await recordedCount(database.db, group)).toBe(2);
    expect((await deliveriesOf(database.db, group)).map((d) => d.eventId).sort()).toEqual([
      first,
      second,
    ]);
  });

  it('finds an event recorded again after its dedup row went', async () => {
    await record([first]);
    await database.db.query('DELETE FROM ferry_processed_events WHERE event_id = $1', [first]);
    await record([first]);
    expect(await eventsAppliedTwice(database.db, group)).toEqual([first]);
  });

  it('finds an event whose effect was written twice', async () => {
    await database.db.query(`INSERT INTO levels VALUES ('A', 1, $1)`, [first]);
    await database.db.query(`UPDATE levels SET version = 2 WHERE entity = 'A'`);
    expect(await eventsAppliedTwice(database.db, group)).toEqual([first]);
  });

  it('keeps no trace of a transaction that rolled back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordFirstDeliveries(tx, group, [first]);
        await tx.query(`INSERT INTO levels VALUES ('A', 1, $1)`, [first]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await record([first]);
    await database.db.query(`INSERT INTO levels VALUES ('A', 1, $1)`, [first]);
    expect(await eventsAppliedTwice(database.db, group)).toEqual([]);
  });
});
