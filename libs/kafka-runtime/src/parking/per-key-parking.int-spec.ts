import {
  deadLetterTopicOf,
  InventoryLevelSetContract,
  topicDeclarations,
  Topics,
  valueSubject,
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
import { consumerMetrics } from '../consumer/consumer-metrics';
import type { ProjectionConsumer } from '../consumer/projection-consumer';
import { replayDeadLetters } from '../replay/replay-dead-letters';
import { KafkaRuntime } from '../runtime';
import { readTopic } from '../testing/read-topic';
import { listParkedKeys, releaseParkedKey } from './parked-key-admin';
import type { KeyOrdering } from './parking-plan';

/*
 * Per-key parking against the real Kafka, registry and Postgres. The sink is not guarded by a
 * version: it appends every event it is given to a log, so the log shows the order of application.
 */
const delays = [1000, 2000, 4000];
const env = testEnvironment();

interface Harness {
  readonly topic: string;
  readonly group: string;
  readonly runtime: KafkaRuntime;
  readonly database: IsolatedDatabase;
  readonly attempts: Map<string, number>;
  consumer: ProjectionConsumer<InventoryLevelSet> | undefined;
}

async function setUp(
  name: string,
  ordering: KeyOrdering | undefined,
  fail: (event: InventoryLevelSet) => Error | undefined,
): Promise<Harness> {
  const topic = uniqueName(name);
  const runtime = new KafkaRuntime({
    connection: {
      brokers: env.kafkaBrokers,
      clientId: 'parking-test',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
    },
    schemaRegistryUrl: env.schemaRegistryUrl,
    logger: silentLogger,
  });
  await runtime.ensureTopics(
    topicDeclarations({ ...Topics.inventoryLevels, partitions: 1 }, topic, delays),
  );
  const database = isolatedDatabase(env.databaseUrl, name);
  await applyMigrations(database.db, [persistenceMigrations], database.schema);
  await database.db.query(
    `CREATE TABLE sink_log (n bigserial PRIMARY KEY, event_id uuid NOT NULL, sku text NOT NULL,
       version integer NOT NULL)`,
  );
  const attempts = new Map<string, number>();
  const group = uniqueName(`${name}_group`);
  const harness: Harness = { topic, group, runtime, database, attempts, consumer: undefined };
  harness.consumer = runtime.projection({
    groupId: group,
    topic,
    contract: InventoryLevelSetContract,
    database: database.db,
    retry: { delaysMs: delays },
    circuitBreaker: { failureThreshold: 20, windowMs: 10_000, openMs: 1000 },
    ...(ordering === undefined ? {} : { ordering }),
    parkingSweepMs: 500,
    apply: async (tx, events) => {
      for (const { value } of events) {
        attempts.set(value.eventId, (attempts.get(value.eventId) ?? 0) + 1);
        const failure = fail(value);
        if (failure !== undefined) throw failure;
        await tx.query('INSERT INTO sink_log (event_id, sku, version) VALUES ($1, $2, $3)', [
          value.eventId,
          value.sku,
          value.sourceVersion,
        ]);
      }
      return { applied: events.length };
    },
  });
  await harness.consumer.start();
  return harness;
}

async function publish(harness: Harness, events: InventoryLevelSet[]): Promise<void> {
  const publisher = harness.runtime.publisher({
    topic: harness.topic,
    subject: valueSubject(harness.topic),
    contract: InventoryLevelSetContract,
    originSystem: 'wms',
  });
  await publisher.connect();
  await publisher.publish(events);
  await publisher.disconnect();
}

/** The sink's log in order of application, as `SKU@version`. */
async function sinkLog(harness: Harness): Promise<string[]> {
  const { rows } = await harness.database.db.query<{ sku: string; version: number }>(
    'SELECT sku, version FROM sink_log ORDER BY n',
  );
  return rows.map((row) => `${row.sku}@${row.version}`);
}

const ofSku = (log: readonly string[], sku: string) =>
  log.filter((entry) => entry.startsWith(`${sku}@`));

async function parkingRows(harness: Harness): Promise<{ keys: number; events: number }> {
  const { rows } = await harness.database.db.query<{ keys: string; events: string }>(
    `SELECT (SELECT count(*) FROM ferry_parked_keys) AS keys,
            (SELECT count(*) FROM ferry_parked_events) AS events`,
  );
  return { keys: Number(rows[0]?.keys), events: Number(rows[0]?.events) };
}

const transient = () => Object.assign(new Error('could not serialize access'), { code: '40001' });
const rejected = () => Object.assign(new Error('value too long'), { code: '22001' });

const a = (version: number) => inventoryLevelSet('A', version, version * 10);
const b = (version: number) => inventoryLevelSet('B', version, version * 10);

/**
 * A's first event fails until `healed()`; B flows. Publishes A1 A2 B1 A3 B2, waits until A1 was
 * tried from a retry tier and B2 is applied, then publishes A4 B3 and waits for B3.
 */
async function runFlakyHeadScript(harness: Harness): Promise<void> {
  await publish(harness, [a(1), a(2), b(1), a(3), b(2)]);
  await waitFor(
    'B@2 applied and A@1 tried from a retry tier',
    async () =>
      (await sinkLog(harness)).includes('B@2') && (harness.attempts.get(a(1).eventId) ?? 0) >= 3
        ? true
        : undefined,
    { timeoutMs: 20_000 },
  );
  await publish(harness, [a(4), b(3)]);
  await waitFor('B@3 applied', async () =>
    (await sinkLog(harness)).includes('B@3') ? true : undefined,
  );
}

describe('per-key parking (real Kafka, registry and Postgres)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.consumer?.stop();
    await harness?.database.drop();
    harness = undefined;
  });

  it('with per-key ordering, parks a key behind its failing head and applies its events in order once the head succeeds, while other keys flow', async () => {
    let healed = false;
    harness = await setUp('per_key', 'per-key', (event) =>
      event.eventId === a(1).eventId && !healed ? transient() : undefined,
    );
    const h = harness;
    await runFlakyHeadScript(h);

    expect(ofSku(await sinkLog(h), 'A')).toEqual([]);
    expect(await parkingRows(h)).toEqual({ keys: 1, events: 3 });
    const [parked] = await listParkedKeys(h.database.db, { group: h.group }, 10);
    expect(parked).toMatchObject({
      key: a(1).entityId,
      state: 'retrying',
      headEventId: a(1).eventId,
      parkedEvents: 3,
    });

    healed = true;
    await waitFor(
      'A@4 applied',
      async () => ((await sinkLog(h)).includes('A@4') ? true : undefined),
      { timeoutMs: 20_000 },
    );
    const log = await sinkLog(h);
    expect(ofSku(log, 'A')).toEqual(['A@1', 'A@2', 'A@3', 'A@4']);
    expect(ofSku(log, 'B')).toEqual(['B@1', 'B@2', 'B@3']);
    expect(log.indexOf('B@3')).toBeLessThan(log.indexOf('A@1'));
    expect(await parkingRows(h)).toEqual({ keys: 0, events: 0 });
    const parkedCount = (await consumerMetrics.events.get()).values.find(
      (v) => v.labels['group'] === h.group && v.labels['outcome'] === 'parked',
    );
    expect(parkedCount?.value).toBe(3);
  });

  it('without per-key ordering, applies the later events of the key while its head is in retry (unchanged)', async () => {
    let healed = false;
    harness = await setUp('guarded', undefined, (event) =>
      event.eventId === a(1).eventId && !healed ? transient() : undefined,
    );
    const h = harness;
    await runFlakyHeadScript(h);

    expect(ofSku(await sinkLog(h), 'A')).toEqual(['A@2', 'A@3', 'A@4']);
    healed = true;
    await waitFor(
      'A@1 applied',
      async () => ((await sinkLog(h)).includes('A@1') ? true : undefined),
      { timeoutMs: 20_000 },
    );
    expect(ofSku(await sinkLog(h), 'A')).toEqual(['A@2', 'A@3', 'A@4', 'A@1']);
    expect(await parkingRows(h)).toEqual({ keys: 0, events: 0 });
  });

  it('keeps a key parked while its head is dead-lettered and applies the parked events after an operator release', async () => {
    harness = await setUp('released', 'per-key', (event) =>
      event.eventId === a(1).eventId ? rejected() : undefined,
    );
    const h = harness;
    await publish(h, [a(1), b(1), a(2), a(3)]);
    await readTopic(h.runtime, deadLetterTopicOf(h.topic), 1, 20_000);
    await waitFor('the dead-lettered key in the gauge', async () =>
      (await consumerMetrics.parkedKeys.get()).values.some(
        (v) =>
          v.labels['group'] === h.group && v.labels['state'] === 'dead-lettered' && v.value === 1,
      )
        ? true
        : undefined,
    );
    expect(await sinkLog(h)).toEqual(['B@1']);
    expect(await listParkedKeys(h.database.db, { state: 'dead-lettered' }, 10)).toMatchObject([
      { group: h.group, key: a(1).entityId, headEventId: a(1).eventId, parkedEvents: 2 },
    ]);

    const released = await releaseParkedKey(h.database.db, {
      group: h.group,
      topic: h.topic,
      key: a(1).entityId,
      reason: 'A@1 is obsolete',
    });
    expect(released).toMatchObject({ headState: 'dead-lettered', parkedEvents: 2 });
    await waitFor('A@3 applied', async () =>
      (await sinkLog(h)).includes('A@3') ? true : undefined,
    );
    expect(await sinkLog(h)).toEqual(['B@1', 'A@2', 'A@3']);
    expect(await parkingRows(h)).toEqual({ keys: 0, events: 0 });
    const { rows } = await h.database.db.query<{ reason: string }>(
      'SELECT reason FROM ferry_parked_key_releases',
    );
    expect(rows).toEqual([{ reason: 'A@1 is obsolete' }]);
    // Later events of the key flow again.
    await publish(h, [a(4)]);
    await waitFor('A@4 applied', async () =>
      (await sinkLog(h)).includes('A@4') ? true : undefined,
    );
  });

  it('applies a dead-lettered head replayed to the consumer, then the events parked behind it', async () => {
    let fixed = false;
    harness = await setUp('replayed', 'per-key', (event) =>
      event.eventId === a(1).eventId && !fixed ? rejected() : undefined,
    );
    const h = harness;
    await publish(h, [a(1), a(2), b(1)]);
    await readTopic(h.runtime, deadLetterTopicOf(h.topic), 1, 20_000);
    await waitFor('B@1 applied', async () =>
      (await sinkLog(h)).includes('B@1') ? true : undefined,
    );
    fixed = true;
    const replay = await replayDeadLetters(
      { connection: h.runtime.connection, logger: silentLogger, database: h.database.db },
      {
        dlqTopic: deadLetterTopicOf(h.topic),
        filter: {},
        target: 'retry-now',
        ratePerSecond: 10,
        dryRun: false,
        reason: 'fixed',
      },
    );
    expect(replay.replayed).toBe(1);
    await waitFor('A@2 applied', async () =>
      (await sinkLog(h)).includes('A@2') ? true : undefined,
    );
    expect(await sinkLog(h)).toEqual(['B@1', 'A@1', 'A@2']);
    expect(await parkingRows(h)).toEqual({ keys: 0, events: 0 });
  });
});
