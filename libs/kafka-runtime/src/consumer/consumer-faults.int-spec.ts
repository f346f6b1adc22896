import {
  deadLetterTopicOf,
  InventoryLevelSetContract,
  topicDeclarations,
  Topics,
  valueSubject,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { silentLogger } from '@ferry/observability';
import { applyMigrations, openDatabase, persistenceMigrations } from '@ferry/persistence';
import {
  inventoryLevelSet,
  isolatedDatabase,
  startTcpRelay,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
  type TcpRelay,
} from '@ferry/test-support';
import { DeadLetterHeaders } from '../headers';
import { Kafka, Partitioners } from '../external/kafka.interface';
import { KafkaRuntime } from '../runtime';
import { frame } from '../registry/wire-format';
import { publishEvents } from '../testing/publish-events';
import { readTopicToEnd } from '../testing/read-topic';
import { consumerMetrics } from './consumer-metrics';
import { consumerHealth, type ConsumerHealth } from './consumer-progress';
import type { EventConsumer, EventConsumerOptions } from './event-consumer';

/*
 * The projection consumer against real faults: its Postgres connections cut or frozen (a TCP
 * relay in front of the real server), its event loop blocked past the session timeout, records
 * it must not trust. Every case ends with the table compared to what was published.
 */
const env = testEnvironment();
const bounds = { stallAfterMs: 300_000, notMemberAfterMs: 60_000 };
const [postgresHost = '127.0.0.1', postgresPort = '5432'] = new URL(env.databaseUrl).host.split(
  ':',
);

interface Harness {
  readonly topic: string;
  readonly group: string;
  readonly runtime: KafkaRuntime;
  readonly database: IsolatedDatabase;
  readonly relay: TcpRelay;
  readonly consumer: EventConsumer<InventoryLevelSet>;
  readonly applied: () => number;
}

function runtimeFor(clientId: string): KafkaRuntime {
  return new KafkaRuntime({
    connection: {
      brokers: env.kafkaBrokers,
      clientId,
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
    },
    schemaRegistryUrl: env.schemaRegistryUrl,
    logger: silentLogger,
  });
}

/** A consumer whose Postgres is reached through `relay`; `apply` runs before each slice's writes. */
async function setUp(
  name: string,
  options: Partial<EventConsumerOptions<InventoryLevelSet>> & {
    beforeApply?: (events: number) => Promise<void> | void;
  } = {},
): Promise<Harness> {
  const topic = uniqueName(name);
  const group = uniqueName(`${name}_group`);
  const runtime = runtimeFor(`${name}-test`);
  await runtime.ensureTopics(
    topicDeclarations({ ...Topics.inventoryLevels, partitions: 1 }, topic, [1000]),
  );
  const database = isolatedDatabase(env.databaseUrl, name);
  await applyMigrations(database.db, [persistenceMigrations], database.schema);
  await database.db.query(
    'CREATE TABLE levels (entity_id text PRIMARY KEY, on_hand bigint NOT NULL, applied integer NOT NULL DEFAULT 1)',
  );
  const relay = await startTcpRelay(postgresHost, Number(postgresPort));
  const url = new URL(env.databaseUrl);
  url.host = relay.address;
  const relayed = openDatabase({
    url: url.toString(),
    schema: database.schema,
    timeouts: { statementTimeoutMs: 1000, connectTimeoutMs: 1000 },
  });
  let applied = 0;
  const consumer = runtime.consumer({
    groupId: group,
    topic,
    contract: InventoryLevelSetContract,
    database: relayed,
    retry: { delaysMs: [1000] },
    circuitBreaker: { failureThreshold: 3, windowMs: 10_000, openMs: 1000 },
    maxBatchSize: 20,
    ...options,
    apply: async (tx, events) => {
      await options.beforeApply?.(events.length);
      for (const { value } of events) {
        // `applied` counts effects, so that a second application of one event shows.
        await tx.query(
          `INSERT INTO levels (entity_id, on_hand) VALUES ($1, $2)
           ON CONFLICT (entity_id) DO UPDATE SET on_hand = $2, applied = levels.applied + 1`,
          [value.entityId, value.onHand],
        );
      }
      applied += events.length;
      return { applied: events.length };
    },
  });
  await consumer.start();
  const stopRelayed = consumer.stop.bind(consumer);
  consumer.stop = async () => {
    await stopRelayed();
    await relayed.close();
  };
  return { topic, group, runtime, database, relay, consumer, applied: () => applied };
}

function publish(harness: Harness, events: readonly InventoryLevelSet[]): Promise<void> {
  return publishEvents(harness.runtime, harness.topic, InventoryLevelSetContract, 'wms', events);
}

/** Distinct SKUs, one event each: the final table must hold every one exactly once. */
function burst(prefix: string, count: number): InventoryLevelSet[] {
  return Array.from({ length: count }, (_, i) => inventoryLevelSet(`${prefix}-${i}`, 1, i));
}

async function expectExactlyOnce(harness: Harness, events: readonly InventoryLevelSet[]) {
  await waitFor(
    `all ${events.length} events applied`,
    async () => {
      const { rows } = await harness.database.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM levels',
      );
      return Number(rows[0]?.n) === events.length ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const { rows } = await harness.database.db.query<{
    entity_id: string;
    on_hand: string;
    applied: number;
  }>('SELECT entity_id, on_hand, applied FROM levels ORDER BY entity_id');
  expect(rows.filter((row) => row.applied !== 1)).toEqual([]);
  const expected = new Map(events.map((event) => [event.entityId, String(event.onHand)]));
  expect(rows.every((row) => expected.get(row.entity_id) === row.on_hand)).toBe(true);
}

async function deadLetters(harness: Harness) {
  return readTopicToEnd(harness.runtime, deadLetterTopicOf(harness.topic));
}

function health(harness: Harness): ConsumerHealth {
  return consumerHealth(harness.consumer.progress(), Date.now(), bounds);
}

async function joins(group: string): Promise<number> {
  const metric = await consumerMetrics.joins.get();
  return metric.values.find((value) => value.labels['group'] === group)?.value ?? 0;
}

describe('projection consumer under faults (real Kafka, Postgres through a TCP relay)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    harness?.relay.thaw();
    await harness?.consumer.stop();
    await harness?.relay.close();
    await harness?.database.drop();
    harness = undefined;
  });

  it('holds, without crashing, when its Postgres connections are cut mid-slice, then applies every event once', async () => {
    let cut = false;
    harness = await setUp('fault_cut', {
      beforeApply: async () => {
        if (cut || !harness) return;
        cut = true;
        // The slice's transaction is open: its connection goes away under it. The pause lets
        // the reset arrive while the client is checked out between two statements, which is
        // when pg reports it as an 'error' event on the client itself (the crash this pins).
        harness.relay.dropConnections();
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const events = burst('CUT', 100);
    await publish(harness, events);
    await expectExactlyOnce(harness, events);
    expect(cut).toBe(true);
    expect(await deadLetters(harness)).toEqual([]);
  });

  it('stays in its group and says why it holds while Postgres is frozen longer than the session timeout, then catches up', async () => {
    harness = await setUp('fault_frozen', { sessionTimeoutMs: 6000 });
    const first = burst('BEFORE', 20);
    await publish(harness, first);
    await expectExactlyOnce(harness, first);
    const joined = await joins(harness.group);

    harness.relay.freeze();
    const frozen = burst('FROZEN', 40);
    await publish(harness, frozen);
    const current = harness;
    const holding = await waitFor(
      'readiness to report the hold',
      () => {
        const state = health(current);
        return state.ready ? undefined : state;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(holding.live).toBe(true);
    expect(holding.detail).toMatch(/^holding 1 partition\(s\): postgres unavailable: /);
    // Twice the session timeout: a consumer that stopped heartbeating would have been removed.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(health(current).live).toBe(true);
    harness.relay.thaw();

    await expectExactlyOnce(harness, [...first, ...frozen]);
    expect(await joins(harness.group)).toBe(joined);
    expect(await deadLetters(harness)).toEqual([]);
    await waitFor('readiness after the thaw', () => (health(current).ready ? true : undefined));
  }, 90_000);

  it('keeps its partitions through a slice that takes longer than the session timeout', async () => {
    let slow = false;
    harness = await setUp('fault_slow', {
      sessionTimeoutMs: 6000,
      beforeApply: async () => {
        if (slow) return;
        slow = true;
        await new Promise((resolve) => setTimeout(resolve, 9000));
      },
    });
    const events = burst('SLOW', 40);
    await publish(harness, events);
    await expectExactlyOnce(harness, events);
    expect(slow).toBe(true);
    // One join: the group never lost this member while it worked.
    expect(await joins(harness.group)).toBe(1);
    expect(harness.consumer.progress().restarts).toBe(0);
  }, 60_000);

  it('restarts itself after kafkajs gave up on it (event loop blocked past the session timeout)', async () => {
    let blocked = false;
    harness = await setUp('fault_blocked', {
      sessionTimeoutMs: 6000,
      beforeApply: () => {
        if (blocked) return;
        blocked = true;
        // Nothing runs meanwhile, heartbeats included: the group removes this member, and its
        // offset commit is then refused as coming from an unknown member.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 9000);
      },
    });
    const events = burst('BLOCKED', 60);
    await publish(harness, events);
    await expectExactlyOnce(harness, events);
    expect(blocked).toBe(true);
    const current = harness;
    await waitFor('the consumer to be a member again', () =>
      current.consumer.progress().membership.member ? true : undefined,
    );
    expect(await deadLetters(harness)).toEqual([]);
  }, 90_000);
});

describe('projection consumer and records it must not trust (real Kafka and Postgres)', () => {
  let harness: Harness | undefined;
  let kafka: Kafka;
  afterEach(async () => {
    await harness?.consumer.stop();
    await harness?.relay.close();
    await harness?.database.drop();
    harness = undefined;
  });

  beforeAll(() => {
    kafka = new Kafka({ brokers: env.kafkaBrokers, clientId: 'untrusted-producer' });
  });

  async function produceRaw(topic: string, records: { key: string; value: Buffer | null }[]) {
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      // A plain producer may write a record twice when a send is retried.
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    await producer.send({ topic, messages: records });
    await producer.disconnect();
  }

  /** Registers the contract's schema and encodes `value` in the wire format, checks bypassed. */
  async function encoded(harness: Harness, value: InventoryLevelSet): Promise<Buffer> {
    const id = await harness.runtime.codec.register(
      valueSubject(harness.topic),
      InventoryLevelSetContract.schema,
    );
    return harness.runtime.codec.encode(id, value);
  }

  it('dead-letters a foreign source, a key that is not the entity id, a broken invariant and a tombstone, and applies the rest', async () => {
    harness = await setUp('untrusted');
    const good = inventoryLevelSet('GOOD', 1, 5);
    const fromErp = { ...inventoryLevelSet('ERP', 1, 5), sourceSystem: 'erp' };
    const wrongKey = inventoryLevelSet('KEYED', 1, 5);
    const negative = inventoryLevelSet('NEGATIVE', 1, -3);
    await produceRaw(harness.topic, [
      { key: fromErp.entityId, value: await encoded(harness, fromErp) },
      { key: 'OTHER@WH1', value: await encoded(harness, wrongKey) },
      { key: negative.entityId, value: await encoded(harness, negative) },
      { key: 'TOMBSTONE@WH1', value: null },
      { key: good.entityId, value: await encoded(harness, good) },
    ]);
    await expectExactlyOnce(harness, [good]);
    const current = harness;
    const letters = await waitFor('four dead letters', async () => {
      const found = await deadLetters(current);
      return found.length === 4 ? found : undefined;
    });
    expect(letters.map((letter) => letter.headers[DeadLetterHeaders.errorMessage])).toEqual([
      'Rejected InventoryLevelSet: sourceSystem: "erp" does not own inventoryLevel (its owner is wms)',
      'Rejected InventoryLevelSet: entityId: "KEYED@WH1" is not the record key "OTHER@WH1"',
      'Rejected InventoryLevelSet: onHand: -3 is below 0',
      'A record without a value (tombstone): Ferry topics carry whole states, never deletions',
    ]);
  });

  it('holds on a schema id the registry does not know, then dead-letters it after the hold time', async () => {
    harness = await setUp('unknown_schema', { unknownSchemaHoldMs: 6000 });
    const good = inventoryLevelSet('AFTER', 1, 1);
    const unknownId = 0x7fff_fff0;
    const started = Date.now();
    await produceRaw(harness.topic, [
      { key: 'GHOST@WH1', value: frame(unknownId, Buffer.from([0])) },
      { key: good.entityId, value: await encoded(harness, good) },
    ]);
    const current = harness;
    const held = await waitFor('the hold to show', () => {
      const state = health(current);
      return state.ready ? undefined : state;
    });
    expect(held.detail).toMatch(/^holding 1 partition\(s\): schema registry unavailable: /);
    // Held, not dead-lettered, and the record behind it waits too.
    expect(await deadLetters(harness)).toEqual([]);
    expect(harness.applied()).toBe(0);

    await expectExactlyOnce(harness, [good]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
    const letters = await deadLetters(harness);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.headers[DeadLetterHeaders.errorMessage]).toMatch(
      new RegExp(`no schema with id ${unknownId}`),
    );
  }, 60_000);
});
