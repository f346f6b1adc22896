import {
  InventoryLevelSetContract,
  retryTopicOf,
  topicDeclarations,
  Topics,
  deadLetterTopicOf,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { silentLogger } from '@ferry/observability';
import { applyMigrations, persistenceMigrations } from '@ferry/persistence';
import {
  inventoryLevelSet,
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { DeadLetterHeaders, RetryHeaders } from '../headers';
import { KafkaRuntime } from '../runtime';
import { deadLetterDepth } from '../dead-letter/dead-letter-depth';
import { replayDeadLetters } from '../replay/replay-dead-letters';
import { publishEvents } from '../testing/publish-events';
import { readTopic, readTopicToEnd } from '../testing/read-topic';
import { consumerMetrics } from './consumer-metrics';
import { consumerHealth } from './consumer-progress';
import type { ProjectionConsumer } from './projection-consumer';

/*
 * Failure handling of the projection consumer against the real Kafka and Postgres, with a
 * shortened retry schedule. The handler is a plain function that fails on command; the runtime
 * alone decides retry, dead letter or pause.
 */
const delays = [1000, 2000];
const env = testEnvironment();

interface Harness {
  readonly topic: string;
  readonly group: string;
  readonly runtime: KafkaRuntime;
  readonly database: IsolatedDatabase;
  readonly attempts: Map<string, number[]>;
  consumer: ProjectionConsumer<InventoryLevelSet> | undefined;
}

async function setUp(
  name: string,
  fail: (event: InventoryLevelSet, attempt: number) => Error | undefined,
  retryDelays: readonly number[] = delays,
): Promise<Harness> {
  const topic = uniqueName(name);
  const runtime = new KafkaRuntime({
    connection: {
      brokers: env.kafkaBrokers,
      clientId: 'failure-test',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
    },
    schemaRegistryUrl: env.schemaRegistryUrl,
    logger: silentLogger,
  });
  await runtime.ensureTopics(
    topicDeclarations({ ...Topics.inventoryLevels, partitions: 1 }, topic, retryDelays),
  );
  const database = isolatedDatabase(env.databaseUrl, name);
  await applyMigrations(database.db, [persistenceMigrations], database.schema);
  await database.db.query(
    'CREATE TABLE effects (event_id uuid NOT NULL, sku text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const attempts = new Map<string, number[]>();
  const group = uniqueName(`${name}_group`);
  const harness: Harness = { topic, group, runtime, database, attempts, consumer: undefined };
  harness.consumer = runtime.projection({
    groupId: group,
    topic,
    contract: InventoryLevelSetContract,
    database: database.db,
    retry: { delaysMs: retryDelays },
    deadLetterDepthIntervalMs: 500,
    circuitBreaker: { failureThreshold: 3, windowMs: 10_000, openMs: 1500 },
    apply: async (tx, events) => {
      for (const { value } of events) {
        const tries = [...(attempts.get(value.eventId) ?? []), Date.now()];
        attempts.set(value.eventId, tries);
        const failure = fail(value, tries.length);
        if (failure !== undefined) throw failure;
        await tx.query('INSERT INTO effects (event_id, sku) VALUES ($1, $2)', [
          value.eventId,
          value.sku,
        ]);
      }
      return { applied: events.length };
    },
  });
  await harness.consumer.start();
  return harness;
}

function publish(harness: Harness, events: InventoryLevelSet[]): Promise<void> {
  return publishEvents(harness.runtime, harness.topic, InventoryLevelSetContract, 'wms', events);
}

async function effects(harness: Harness): Promise<string[]> {
  const { rows } = await harness.database.db.query<{ sku: string }>(
    'SELECT sku FROM effects ORDER BY applied_at, sku',
  );
  return rows.map((r) => r.sku);
}

async function tearDown(harness: Harness | undefined): Promise<void> {
  await harness?.consumer?.stop();
  await harness?.database.drop();
}

const transient = () => Object.assign(new Error('could not serialize access'), { code: '40001' });
const unreachable = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8069'), { code: 'ECONNREFUSED' });

describe('projection consumer failure handling (real Kafka and Postgres)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await tearDown(harness);
    harness = undefined;
  });

  it('retries a transient failure through the retry tiers, no sooner than the schedule, while the topic keeps flowing', async () => {
    const flaky = inventoryLevelSet('FLAKY', 1, 5);
    // Attempts: 1 the whole slice, 2 the event alone (both on the main topic), 3 from tier 1, 4 from tier 2.
    harness = await setUp('retry', (event, attempt) =>
      event.sku === 'FLAKY' && attempt <= 3 ? transient() : undefined,
    );
    await publish(harness, [
      flaky,
      inventoryLevelSet('STEADY-1', 1, 1),
      inventoryLevelSet('STEADY-2', 1, 2),
    ]);

    const h = harness;
    await waitFor(
      'the flaky event to be applied',
      async () => ((await effects(h)).includes('FLAKY') ? true : undefined),
      { timeoutMs: 30_000 },
    );
    const order = await effects(h);
    expect(order.indexOf('STEADY-2')).toBeLessThan(order.indexOf('FLAKY'));
    const [, onMain = 0, fromTier1 = 0, fromTier2 = 0, ...more] =
      h.attempts.get(flaky.eventId) ?? [];
    expect(more).toEqual([]);
    expect(fromTier1 - onMain).toBeGreaterThanOrEqual(delays[0] ?? 0);
    expect(fromTier2 - fromTier1).toBeGreaterThanOrEqual(delays[1] ?? 0);
    expect(order.filter((sku) => sku === 'FLAKY')).toHaveLength(1);
  });

  it('shows records a retry tier holds until due as lag, and does not take them for a stall', async () => {
    const later = inventoryLevelSet('LATER', 1, 3);
    harness = await setUp(
      'waiting',
      (event, attempt) => (event.sku === 'LATER' && attempt <= 2 ? transient() : undefined),
      [60_000],
    );
    await publish(harness, [later]);
    const { group, consumer } = harness;
    const retryTopic = retryTopicOf(harness.topic, 60_000);
    const lagOf = async (topic: string) =>
      (await consumerMetrics.lag.get()).values.find(
        (v) => v.labels.group === group && v.labels.topic === topic,
      )?.value;
    await waitFor('the retry tier to hold the event', async () =>
      (await lagOf(retryTopic)) === 1 ? true : undefined,
    );
    expect(await lagOf(harness.topic)).toBe(0);
    const progress = consumer?.progress();
    expect(progress?.lag).toBe(0);
    // Ten minutes without progress later, a consumer that is only waiting is still live.
    const tenMinutesOn = Date.now() + 600_000;
    expect(
      progress &&
        consumerHealth(progress, tenMinutesOn, {
          stallAfterMs: 300_000,
          notMemberAfterMs: 60_000,
        }).live,
    ).toBe(true);
  });

  it('sends an event whose retries are exhausted to the DLQ with its full context', async () => {
    const doomed = inventoryLevelSet('DOOMED', 7, 1);
    harness = await setUp('exhausted', (event) =>
      event.sku === 'DOOMED' ? transient() : undefined,
    );
    // DOOMED sits at offset 2 of the main topic and at offset 0 of each retry tier: the dead
    // letter must name where the event first arrived, not the retry record it came from.
    await publish(harness, [
      inventoryLevelSet('FINE-A', 1, 1),
      inventoryLevelSet('FINE-B', 1, 1),
      doomed,
      inventoryLevelSet('FINE', 1, 1),
    ]);

    const h = harness;
    const [dead] = await readTopic(h.runtime, deadLetterTopicOf(h.topic), 1, 30_000);
    expect(dead?.key).toBe(doomed.entityId);
    expect(dead?.headers).toMatchObject({
      [DeadLetterHeaders.originalTopic]: h.topic,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: '2',
      [DeadLetterHeaders.attempts]: String(delays.length),
      [DeadLetterHeaders.errorClass]: 'Error',
      [DeadLetterHeaders.errorMessage]: 'could not serialize access',
      [DeadLetterHeaders.errorKind]: 'transient',
      'ferry-event-id': doomed.eventId,
    });
    expect(dead?.headers[DeadLetterHeaders.consumerGroup]).toMatch(/^exhausted_group_/);
    expect(dead?.headers[DeadLetterHeaders.fingerprint]).toMatch(/^[0-9a-f]{16}$/);
    expect(dead?.headers[RetryHeaders.attempt]).toBeUndefined();
    expect((await effects(h)).sort()).toEqual(['FINE', 'FINE-A', 'FINE-B']);
  });

  it('dead-letters a permanent failure at once, without retries', async () => {
    const rejected = inventoryLevelSet('REJECTED', 1, 1);
    harness = await setUp('permanent', (event) =>
      event.sku === 'REJECTED'
        ? Object.assign(new Error('value too long'), { code: '22001' })
        : undefined,
    );
    await publish(harness, [rejected, inventoryLevelSet('AFTER', 1, 1)]);
    const h = harness;
    const [dead] = await readTopic(h.runtime, deadLetterTopicOf(h.topic), 1, 30_000);
    expect(dead?.headers[DeadLetterHeaders.errorKind]).toBe('permanent');
    expect(dead?.headers[DeadLetterHeaders.attempts]).toBe('0');
    expect(await readTopicToEnd(h.runtime, retryTopicOf(h.topic, delays[0] ?? 0))).toEqual([]);
    await waitFor('the next event to be applied', async () =>
      (await effects(h)).includes('AFTER') ? true : undefined,
    );
    // The consumer reports the dead-letter topic's depth.
    const dlq = deadLetterTopicOf(h.topic);
    await waitFor('ferry_dlq_records to show the dead letter', async () => {
      const { values } = await deadLetterDepth.get();
      return values.find((v) => v.labels.topic === dlq)?.value === 1 ? true : undefined;
    });
  });

  it('pauses while the downstream is unreachable, using up no attempts, and applies everything once it is back', async () => {
    let down = true;
    harness = await setUp('breaker', () => (down ? unreachable() : undefined));
    const events = [
      inventoryLevelSet('B-1', 1, 1),
      inventoryLevelSet('B-2', 1, 2),
      inventoryLevelSet('B-3', 1, 3),
    ];
    await publish(harness, events);
    const h = harness;
    await waitFor(
      'the consumer to meet the outage several times',
      () => ((h.attempts.get(events[0]?.eventId ?? '')?.length ?? 0) >= 4 ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    down = false;
    await waitFor(
      'all events to be applied',
      async () => ((await effects(h)).length === 3 ? true : undefined),
      { timeoutMs: 30_000 },
    );
    expect((await effects(h)).sort()).toEqual(['B-1', 'B-2', 'B-3']);
    expect(await readTopicToEnd(h.runtime, retryTopicOf(h.topic, delays[0] ?? 0))).toEqual([]);
    expect(await readTopicToEnd(h.runtime, retryTopicOf(h.topic, delays[1] ?? 0))).toEqual([]);
    expect(await readTopicToEnd(h.runtime, deadLetterTopicOf(h.topic))).toEqual([]);
  });

  it('applies a dead-lettered event exactly once after it is replayed, to the consumer or to the original topic', async () => {
    let fixed = false;
    const stuck = inventoryLevelSet('STUCK', 3, 9);
    harness = await setUp('replay', (event) =>
      event.sku === 'STUCK' && !fixed
        ? Object.assign(new Error('value too long'), { code: '22001' })
        : undefined,
    );
    await publish(harness, [stuck]);
    const h = harness;
    await readTopic(h.runtime, deadLetterTopicOf(h.topic), 1, 30_000);
    fixed = true;

    const replay = (target: 'retry-now' | 'original-topic') =>
      replayDeadLetters(
        { connection: h.runtime.connection, logger: silentLogger, database: h.database.db },
        {
          dlqTopic: deadLetterTopicOf(h.topic),
          filter: {},
          target,
          ratePerSecond: 10,
          dryRun: false,
          reason: 'fixed',
        },
      );
    expect((await replay('retry-now')).replayed).toBe(1);
    await waitFor(
      'the replayed event to be applied',
      async () => ((await effects(h)).includes('STUCK') ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    // A second replay, to every group through the original topic, changes nothing: same event id.
    expect((await replay('original-topic')).replayed).toBe(1);
    await waitFor('the second replay to be seen as a duplicate', async () =>
      (await consumerMetrics.events.get()).values.some(
        (v) => v.labels['group'] === h.group && v.labels['outcome'] === 'duplicate' && v.value >= 1,
      )
        ? true
        : undefined,
    );
    const { rows } = await h.database.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM ferry_processed_events',
    );
    expect(rows[0]?.n).toBe('1');
    expect(await effects(h)).toEqual(['STUCK']);
  });
});
