import {
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import {
  CountingConsumers,
  describeExit,
  type CountingConsumerOptions,
} from './counting-consumer-process';
import {
  appliedEffects,
  appliedEventIds,
  effectsByInstance,
  EffectsOracle,
  expectExactlyOnce,
} from './effects-oracle';
import { InventoryLevelStream, InventoryTopic } from './inventory-stream';

/*
 * A consumer process killed with SIGKILL at the two points that matter, then restarted in the
 * same group: after the DB commit and before the offset commit (the slice is delivered again and
 * must not be applied again), and inside the transaction (the slice is rolled back and must not be
 * lost). The fixture kills itself exactly there, from the runtime's hooks.
 */
describe('a consumer killed with -9 and restarted', () => {
  const env = testEnvironment();
  const consumers = new CountingConsumers();
  const events = 600;
  let database: IsolatedDatabase;
  let topic: InventoryTopic;
  let oracle: EffectsOracle;
  let fixture: Omit<CountingConsumerOptions, 'instance'>;

  beforeEach(async () => {
    database = isolatedDatabase(env.databaseUrl, 'failure_crash');
    oracle = new EffectsOracle();
    topic = await InventoryTopic.create('failure_crash', 3, oracle);
    await topic.publish(new InventoryLevelStream('SKU-CRASH', 60).next(events));
    // Small slices: many transactions, and the kill leaves work on every side of it.
    fixture = {
      topic: topic.name,
      group: uniqueName('failure_crash'),
      schema: database.schema,
      maxBatchSize: 40,
    };
  });

  afterEach(async () => {
    await consumers.killAll();
    await topic.close();
    await database.drop();
  });

  /** Restarts the group, waits until every event has an effect, and stops it gracefully. */
  const restartAndDrain = async (): Promise<void> => {
    const restarted = await consumers.start({ ...fixture, instance: 'restarted' });
    await waitFor(
      `all ${events} events to be applied after the restart`,
      async () => ((await appliedEventIds(database.db)) >= events ? true : undefined),
      { timeoutMs: 90_000, intervalMs: 200 },
    ).catch(async (error: unknown) => {
      const applied = JSON.stringify(await effectsByInstance(database.db));
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; effects by instance: ${applied}\n${restarted.output().slice(-3000)}`,
      );
    });
    expect(describeExit(await restarted.stop())).toBe('exit code 0');
  };

  it('applies the slice committed in the DB but not in Kafka once, not twice', async () => {
    const crashing = await consumers.start({
      ...fixture,
      instance: 'crashing',
      killAfterCommits: 3,
    });
    expect(describeExit(await crashing.exited(90_000))).toBe('signal SIGKILL');
    expect(crashing.output()).toContain(
      'killing itself after DB commit 3, before its offset commit',
    );
    // Three slices are in the DB, the last one without its offsets: it will be delivered again.
    const beforeRestart = await appliedEffects(database.db, 'crashing');
    expect(beforeRestart).toBeGreaterThanOrEqual(3);
    expect(beforeRestart).toBeLessThan(events);

    await restartAndDrain();
    expect(oracle.eventCount).toBe(events);
    await expectExactlyOnce(database.db, oracle);
  }, 180_000);

  it('applies the slice of a transaction that never committed after the restart, losing nothing', async () => {
    const crashing = await consumers.start({
      ...fixture,
      instance: 'crashing',
      killDuringApply: 3,
    });
    expect(describeExit(await crashing.exited(90_000))).toBe('signal SIGKILL');
    expect(crashing.output()).toContain('killing itself inside transaction 3, before it commits');
    // Two transactions at most committed before the kill; the third's rows were rolled back.
    expect(await appliedEffects(database.db, 'crashing')).toBeLessThanOrEqual(2 * 40);

    await restartAndDrain();
    expect(oracle.eventCount).toBe(events);
    await expectExactlyOnce(database.db, oracle);
  }, 180_000);
});
