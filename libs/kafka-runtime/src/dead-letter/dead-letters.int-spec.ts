import {
  DefaultRetryDelaysMs,
  deadLetterTopicOf,
  FerryHeaders,
  retryTopicOf,
} from '@ferry/contracts';
import { silentLogger } from '@ferry/observability';
import { applyMigrations, listDeadLetterReplays, persistenceMigrations } from '@ferry/persistence';
import {
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { fetchPartitionOffsets, recordsIn } from '../admin/offsets';
import { createKafka, type KafkaConnection } from '../connection';
import type { Admin, KafkaMessage, Producer } from '../external/kafka.interface';
import { DeadLetterHeaders, ReplayHeaders, RetryHeaders } from '../headers';
import { headersToRecord } from '../headers';
import { KafkaRuntime } from '../runtime';
import { DeadLetterTopicNotFoundError, ReplayRejectedError } from './errors';
import { listDeadLetters } from './list-dead-letters';
import { replayDeadLetters, type ReplayDeadLettersOptions } from '../replay/replay-dead-letters';
import { DEAD_LETTER_READER_GROUP_PREFIX } from './scan-partitions';

const env = testEnvironment();
const connection: KafkaConnection = {
  brokers: env.kafkaBrokers,
  clientId: 'dead-letter-int-spec',
  connectionTimeoutMs: 3000,
  requestTimeoutMs: 30_000,
};
const deps = { connection, logger: silentLogger };
const kafka = createKafka(connection, silentLogger);
const runtime = new KafkaRuntime({
  connection,
  schemaRegistryUrl: env.schemaRegistryUrl,
  logger: silentLogger,
});
const firstRetryDelay = DefaultRetryDelaysMs[0] ?? 30_000;

interface Scenario {
  readonly topic: string;
  readonly dlq: string;
  readonly retry: string;
}

/** A failed record as the consumer runtime writes it to the DLQ. */
function deadLetter(
  scenario: Scenario,
  n: number,
  context: { group: string; errorClass: string; kind: string; failedAt: string },
) {
  return {
    key: `SKU-${n}@WH1`,
    value: Buffer.from([0, 0, 0, 0, 9, n, 0xff]),
    headers: {
      [FerryHeaders.eventId]: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`,
      [FerryHeaders.eventType]: 'InventoryLevelSet',
      [FerryHeaders.traceparent]: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
      [DeadLetterHeaders.originalTopic]: scenario.topic,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: String(100 + n),
      [DeadLetterHeaders.consumerGroup]: context.group,
      [DeadLetterHeaders.attempts]: context.kind === 'transient' ? '5' : '0',
      [DeadLetterHeaders.firstFailureAt]: context.failedAt,
      [DeadLetterHeaders.failedAt]: context.failedAt,
      [DeadLetterHeaders.errorClass]: context.errorClass,
      [DeadLetterHeaders.errorMessage]: `${context.errorClass} on record ${n}`,
      [DeadLetterHeaders.errorKind]: context.kind,
      [DeadLetterHeaders.fingerprint]: `fp-${context.errorClass}`,
      [DeadLetterHeaders.retrySchedule]: DefaultRetryDelaysMs.join(','),
    },
  };
}

/** The four records every scenario starts with: partition 0 offsets 0-1, partition 1 offsets 0-1. */
async function seedDeadLetters(scenario: Scenario): Promise<void> {
  const early = '2024-05-01T10:00:00.000Z';
  const late = '2024-05-02T10:00:00.000Z';
  await producer.send({
    topic: scenario.dlq,
    acks: -1,
    messages: [
      {
        partition: 0,
        ...deadLetter(scenario, 1, {
          group: 'projector',
          errorClass: 'UnknownSchemaError',
          kind: 'permanent',
          failedAt: early,
        }),
      },
      {
        partition: 0,
        ...deadLetter(scenario, 2, {
          group: 'billing',
          errorClass: 'LockTimeout',
          kind: 'transient',
          failedAt: late,
        }),
      },
      {
        partition: 1,
        ...deadLetter(scenario, 3, {
          group: 'projector',
          errorClass: 'LockTimeout',
          kind: 'transient',
          failedAt: late,
        }),
      },
      {
        partition: 1,
        ...deadLetter(scenario, 4, {
          group: 'projector',
          errorClass: 'TypeError',
          kind: 'programmer',
          failedAt: early,
        }),
      },
    ],
  });
}

async function newScenario(prefix: string): Promise<Scenario> {
  const topic = uniqueName(prefix);
  const scenario = {
    topic,
    dlq: deadLetterTopicOf(topic),
    retry: retryTopicOf(topic, firstRetryDelay),
  };
  await runtime.ensureTopics(
    [scenario.topic, scenario.retry, scenario.dlq].map((name) => ({ name, partitions: 2 })),
  );
  await seedDeadLetters(scenario);
  return scenario;
}

async function recordCount(topic: string): Promise<number> {
  return recordsIn(await fetchPartitionOffsets(admin, topic));
}

/** Every record of `topic`, read by a consumer of the test's own, once `count` are there. */
async function readTopic(topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('dlq_check'), maxWaitTimeInMs: 200 });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        messages.push(message);
        return Promise.resolve();
      },
    });
    return await waitFor(`${count} records on ${topic}`, () =>
      messages.length >= count ? messages : undefined,
    );
  } finally {
    await consumer.disconnect();
  }
}

let producer: Producer;
let admin: Admin;
let database: IsolatedDatabase;

beforeAll(async () => {
  producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  database = isolatedDatabase(env.databaseUrl, 'dlq_replay');
  await applyMigrations(database.db, [persistenceMigrations], database.schema);
});

afterAll(async () => {
  await Promise.all([producer.disconnect(), admin.disconnect(), database.drop()]);
});

describe('listDeadLetters (real Kafka)', () => {
  let scenario: Scenario;
  const list = (filter = {}, limit?: number) =>
    listDeadLetters(deps, { dlqTopic: scenario.dlq, filter, ...(limit ? { limit } : {}) });
  const keys = (listing: Awaited<ReturnType<typeof list>>) =>
    listing.records.map((record) => record.key?.toString());

  beforeAll(async () => {
    scenario = await newScenario('dlq_list');
  });

  it('reads the whole topic in partition and offset order, with the failure context', async () => {
    const listing = await list();
    expect(listing).toMatchObject({ scanned: 4, matched: 4 });
    expect(keys(listing)).toEqual(['SKU-1@WH1', 'SKU-2@WH1', 'SKU-3@WH1', 'SKU-4@WH1']);
    expect(listing.records[1]).toMatchObject({
      dlqTopic: scenario.dlq,
      dlqPartition: 0,
      dlqOffset: '1',
      context: {
        originalTopic: scenario.topic,
        originalOffset: '102',
        consumerGroup: 'billing',
        attempts: 5,
        errorClass: 'LockTimeout',
        errorKind: 'transient',
        failedAt: Date.parse('2024-05-02T10:00:00.000Z'),
      },
    });
  });

  it('applies every filter', async () => {
    expect(keys(await list({ consumerGroup: 'projector' }))).toEqual([
      'SKU-1@WH1',
      'SKU-3@WH1',
      'SKU-4@WH1',
    ]);
    expect(keys(await list({ errorClass: 'LockTimeout', consumerGroup: 'projector' }))).toEqual([
      'SKU-3@WH1',
    ]);
    expect(keys(await list({ errorKind: 'programmer' }))).toEqual(['SKU-4@WH1']);
    expect(keys(await list({ fingerprint: 'fp-UnknownSchemaError' }))).toEqual(['SKU-1@WH1']);
    expect(keys(await list({ key: 'SKU-2@WH1' }))).toEqual(['SKU-2@WH1']);
    expect(keys(await list({ failedFrom: Date.parse('2024-05-02T00:00:00.000Z') }))).toEqual([
      'SKU-2@WH1',
      'SKU-3@WH1',
    ]);
    expect(keys(await list({ originalTopic: 'elsewhere' }))).toEqual([]);
  });

  it('reads exactly one record by partition and offset', async () => {
    const listing = await list({ position: { partition: 1, offset: '1' } });
    expect(keys(listing)).toEqual(['SKU-4@WH1']);
    expect(listing.scanned).toBe(1);
    expect(keys(await list({ position: { partition: 1, offset: '7' } }))).toEqual([]);
  });

  it('returns the first records up to the limit and says how many matched', async () => {
    const listing = await list({ consumerGroup: 'projector' }, 2);
    expect(keys(listing)).toEqual(['SKU-1@WH1', 'SKU-3@WH1']);
    expect(listing.matched).toBe(3);
  });

  it('leaves no consumer group and no committed offsets behind', async () => {
    await list();
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith(DEAD_LETTER_READER_GROUP_PREFIX))).toEqual([]);
  });

  it('says when the topic does not exist', async () => {
    await expect(
      listDeadLetters(deps, { dlqTopic: uniqueName('no_such_topic') }),
    ).rejects.toBeInstanceOf(DeadLetterTopicNotFoundError);
  });
});

describe('replayDeadLetters (real Kafka and Postgres)', () => {
  const replay = (scenario: Scenario, options: Partial<ReplayDeadLettersOptions>) =>
    replayDeadLetters(
      { ...deps, database: database.db },
      {
        dlqTopic: scenario.dlq,
        filter: {},
        target: 'original-topic',
        ratePerSecond: 100,
        dryRun: false,
        reason: 'fixed the schema',
        ...options,
      },
    );
  const auditOf = async (replayId: string) =>
    (await listDeadLetterReplays(database.db, { limit: 100 })).find(
      (row) => row.replayId === replayId,
    );

  it('re-delivers one record to its original topic with its original bytes and headers', async () => {
    const scenario = await newScenario('dlq_replay_one');
    const summary = await replay(scenario, { filter: { position: { partition: 0, offset: '1' } } });
    expect(summary).toMatchObject({ matched: 1, replayed: 1, dryRun: false });

    const [message] = await readTopic(scenario.topic, 1);
    const original = deadLetter(scenario, 2, {
      group: 'billing',
      errorClass: 'LockTimeout',
      kind: 'transient',
      failedAt: '2024-05-02T10:00:00.000Z',
    });
    expect(message?.key?.toString()).toBe(original.key);
    expect(message?.value?.equals(original.value)).toBe(true);
    const headers = headersToRecord(message?.headers);
    expect(headers).toEqual({
      [FerryHeaders.eventId]: original.headers[FerryHeaders.eventId],
      [FerryHeaders.eventType]: 'InventoryLevelSet',
      [FerryHeaders.traceparent]: original.headers[FerryHeaders.traceparent],
      [ReplayHeaders.replayId]: summary.replayId,
      [ReplayHeaders.replayedAt]: expect.any(String) as unknown,
    });
    expect(await recordCount(scenario.topic)).toBe(1);
    expect(await recordCount(scenario.dlq)).toBe(4);

    // Who asked is the role the session authenticated as, recorded by the database itself.
    const { rows } = await database.db.query<{ role: string }>('SELECT session_user AS role');
    expect(await auditOf(summary.replayId)).toMatchObject({
      operator: rows[0]?.role,
      reason: 'fixed the schema',
      dlqTopic: scenario.dlq,
      filter: { position: { partition: 0, offset: '1' } },
      target: 'original-topic',
      dryRun: false,
      matched: 1,
      replayed: 1,
      finishedAt: expect.any(Date) as unknown,
    });
  });

  it('publishes nothing in a dry run but audits what it would have replayed', async () => {
    const scenario = await newScenario('dlq_dry_run');
    const summary = await replay(scenario, {
      filter: { consumerGroup: 'projector' },
      dryRun: true,
      reason: undefined,
    });
    expect(summary).toMatchObject({ matched: 3, replayed: 0, dryRun: true });
    expect(summary.items.map((item) => item.destination)).toEqual([
      scenario.topic,
      scenario.topic,
      scenario.topic,
    ]);
    expect(await recordCount(scenario.topic)).toBe(0);
    expect(await auditOf(summary.replayId)).toMatchObject({
      dryRun: true,
      reason: undefined,
      matched: 3,
      replayed: 0,
      finishedAt: expect.any(Date) as unknown,
    });
  });

  it('retry-now puts the record on the first retry topic for the failed group only, due now', async () => {
    const scenario = await newScenario('dlq_retry_now');
    const before = Date.now();
    const summary = await replay(scenario, {
      filter: { position: { partition: 1, offset: '0' } },
      target: 'retry-now',
    });
    const after = Date.now();
    expect(summary).toMatchObject({ matched: 1, replayed: 1 });

    const [message] = await readTopic(scenario.retry, 1);
    const headers = headersToRecord(message?.headers);
    expect(message?.key?.toString()).toBe('SKU-3@WH1');
    expect(headers).toMatchObject({
      [RetryHeaders.consumerGroup]: 'projector',
      [RetryHeaders.attempt]: '1',
      [RetryHeaders.originalTopic]: scenario.topic,
      [RetryHeaders.originalOffset]: '103',
      [RetryHeaders.schedule]: DefaultRetryDelaysMs.join(','),
      [ReplayHeaders.replayId]: summary.replayId,
    });
    const dueAt = Date.parse(headers[RetryHeaders.dueAt] ?? '');
    expect(dueAt).toBeGreaterThanOrEqual(before);
    expect(dueAt).toBeLessThanOrEqual(after);
    expect(Object.keys(headers).some((name) => name.startsWith('ferry-dlq-'))).toBe(false);
    expect(await recordCount(scenario.topic)).toBe(0);
    expect(await auditOf(summary.replayId)).toMatchObject({ target: 'retry-now', replayed: 1 });
  });

  it('paces records to the rate: 5 records at 10/s span at least 0.4 s', async () => {
    const scenario = await newScenario('dlq_rate');
    const fifth = deadLetter(scenario, 5, {
      group: 'projector',
      errorClass: 'LockTimeout',
      kind: 'transient',
      failedAt: '2024-05-03T10:00:00.000Z',
    });
    await producer.send({ topic: scenario.dlq, acks: -1, messages: [fifth] });
    const summary = await replay(scenario, { ratePerSecond: 10 });
    expect(summary.replayed).toBe(5);
    const messages = await readTopic(scenario.topic, summary.replayed);
    const times = messages
      .map((m) => Date.parse(headersToRecord(m.headers)[ReplayHeaders.replayedAt] ?? ''))
      .sort((a, b) => a - b);
    const span = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
    // Four intervals of 100 ms; a few ms of slack for millisecond timer rounding.
    expect(span).toBeGreaterThanOrEqual(400 - 5);
  });

  it('refuses a real replay without a reason, before writing or publishing anything', async () => {
    const scenario = await newScenario('dlq_no_reason');
    const rowsBefore = (await listDeadLetterReplays(database.db, { limit: 1000 })).length;
    await expect(replay(scenario, { reason: '  ' })).rejects.toBeInstanceOf(ReplayRejectedError);
    expect(await recordCount(scenario.topic)).toBe(0);
    expect(await listDeadLetterReplays(database.db, { limit: 1000 })).toHaveLength(rowsBefore);
  });
});
