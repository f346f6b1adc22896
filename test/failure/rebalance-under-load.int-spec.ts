import {
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { CountingConsumers, describeExit } from './counting-consumer-process';
import {
  appliedEffects,
  appliedEventIds,
  effectsByInstance,
  EffectsOracle,
  expectExactlyOnce,
} from './effects-oracle';
import { InventoryLevelStream, InventoryTopic } from './inventory-stream';
import { SteadyLoad } from './steady-load';

/*
 * Rebalancing under load: while events keep arriving, a second instance joins the group, the
 * first is killed with -9 in the middle of its work, and a third joins. Partitions move three
 * times and the killed instance's uncommitted work is delivered again; every event must still be
 * applied exactly once and the counters table must equal the oracle's.
 */
describe('a consumer group rebalancing under load', () => {
  const env = testEnvironment();
  const consumers = new CountingConsumers();
  let database: IsolatedDatabase;
  let topic: InventoryTopic;
  let oracle: EffectsOracle;

  beforeEach(async () => {
    database = isolatedDatabase(env.databaseUrl, 'failure_load');
    oracle = new EffectsOracle();
    topic = await InventoryTopic.create('failure_load', 6, oracle);
  });

  afterEach(async () => {
    await consumers.killAll();
    await topic.close();
    await database.drop();
  });

  const appliedBy = (instance: string, atLeast: number) =>
    waitFor(
      `instance ${instance} to have applied ${atLeast} events`,
      async () => ((await appliedEffects(database.db, instance)) >= atLeast ? true : undefined),
      // A join after a kill -9 waits for the dead member's session to time out (30 s in kafkajs).
      { timeoutMs: 120_000, intervalMs: 100 },
    );

  it('applies every event exactly once while instances join and one is killed mid-stream', async () => {
    const stream = new InventoryLevelStream('SKU-LOAD', 150);
    await topic.publish(stream.next(3000));
    const fixture = {
      topic: topic.name,
      group: uniqueName('failure_load'),
      schema: database.schema,
      maxBatchSize: 100,
    };
    // Killed by the test's choice of moment, in the worst place: right after a DB commit, before
    // its offsets are committed, so that its last slice is delivered again to another instance.
    const first = await consumers.start({
      ...fixture,
      instance: 'first',
      killAfterCommits: 1,
      killArmedByTest: true,
    });
    const load = new SteadyLoad(topic, stream, oracle, database.db);
    const loading = load.run();
    loading.catch(() => undefined);
    let second;
    let third;
    try {
      await appliedBy('first', 500);
      second = await consumers.start({ ...fixture, instance: 'second' });
      await appliedBy('second', 200);
      // Still an owner after the rebalance, and busy: kill it in the middle of its work.
      await appliedBy('first', (await appliedEffects(database.db, 'first')) + 1);
      first.armKill();
      expect(describeExit(await first.exited(60_000))).toBe('signal SIGKILL');
      expect(first.output()).toContain(
        'killing itself after DB commit 1, before its offset commit',
      );
      third = await consumers.start({ ...fixture, instance: 'third' });
      await appliedBy('third', 200);
    } finally {
      load.stop();
    }
    await loading;

    await waitFor(
      `all ${oracle.eventCount} published events to be applied`,
      async () => ((await appliedEventIds(database.db)) >= oracle.eventCount ? true : undefined),
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    expect(describeExit(await second.stop())).toBe('exit code 0');
    expect(describeExit(await third.stop())).toBe('exit code 0');

    expect(oracle.eventCount).toBeGreaterThan(3000);
    expect(Object.keys(await effectsByInstance(database.db))).toEqual(['first', 'second', 'third']);
    await expectExactlyOnce(database.db, oracle);
  }, 240_000);
});
