import {
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { CountingConsumers } from './counting-consumer-process';
import { appliedEventIds, EffectsOracle, expectExactlyOnce } from './effects-oracle';
import { currentInventoryLevelSet, InventoryLevelStream, InventoryTopic } from './inventory-stream';

/*
 * Duplicate delivery: the same event (same id) reaches the consumer several times, from Ferry's
 * publisher and from an independent Java producer, in one slice and across transactions. The
 * counting consumer's effect is not idempotent, so only the runtime's dedup keeps it at one.
 */
describe('a duplicated event', () => {
  const env = testEnvironment();
  const consumers = new CountingConsumers();
  let database: IsolatedDatabase;
  let topic: InventoryTopic;
  let oracle: EffectsOracle;

  beforeEach(async () => {
    database = isolatedDatabase(env.databaseUrl, 'failure_dup');
    oracle = new EffectsOracle();
    // One partition: the sentinel published last is applied only after everything before it.
    topic = await InventoryTopic.create('failure_dup', 1, oracle);
  });

  afterEach(async () => {
    await consumers.killAll();
    await topic.close();
    await database.drop();
  });

  it('has one effect, whether the duplicate is in the same slice or arrives after the commit', async () => {
    const stream = new InventoryLevelStream('SKU-DUP', 10);
    const originals = stream.next(20);
    const [first, second, third] = originals;
    if (!first || !second || !third) throw new Error('the stream gave fewer events than asked');
    // Before the consumer starts, so that originals and duplicates arrive in one batch.
    await topic.publish(originals);
    await topic.publish([first, second, first]);

    await consumers.start({
      instance: 'only',
      topic: topic.name,
      group: uniqueName('failure_dup'),
      schema: database.schema,
    });
    await waitFor(
      'the first 20 events to be applied',
      async () => ((await appliedEventIds(database.db)) >= 20 ? true : undefined),
      { timeoutMs: 60_000 },
    );

    // After the commit: redeliveries from both producers, then a sentinel.
    await topic.publish(originals);
    await topic.publishWithJavaClient(third);
    await topic.publishWithJavaClient(first);
    const sentinel = currentInventoryLevelSet('SKU-DUP-SENTINEL', 1, 1);
    await topic.publish([sentinel]);
    await waitFor(
      'the sentinel (published after every duplicate) to be applied',
      async () => {
        const { rows } = await database.db.query('SELECT 1 FROM effects WHERE event_id = $1', [
          sentinel.eventId,
        ]);
        return rows.length > 0 ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );

    expect(oracle.sentCount).toBe(20 + 3 + 20 + 2 + 1);
    expect(oracle.eventCount).toBe(21);
    await expectExactlyOnce(database.db, oracle);
  }, 180_000);
});
