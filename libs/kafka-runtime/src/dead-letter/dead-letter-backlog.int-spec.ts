import { deadLetterTopicOf, DefaultRetryDelaysMs, retryTopicOf } from '@ferry/contracts';
import { metricsRegistry, silentLogger } from '@ferry/observability';
import { applyMigrations, persistenceMigrations } from '@ferry/persistence';
import {
  isolatedDatabase,
  testEnvironment,
  uniqueName,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { ensureTopics } from '../admin/topics';
import { createKafka, type KafkaConnection } from '../connection';
import type { Admin, Producer } from '../external/kafka.interface';
import { DeadLetterHeaders } from '../headers';
import { DeadLetterBacklog } from './dead-letter-backlog';
import { replayDeadLetters } from '../replay/replay-dead-letters';

/*
 * Dead letters neither replayed nor resolved, against a real dead-letter topic and the replay
 * audit the ops CLI's own replay writes: a replay resolves what it re-delivered, a dry run
 * resolves nothing, and a record that fails again after its replay is unresolved again.
 */
const env = testEnvironment();
const connection: KafkaConnection = {
  brokers: env.kafkaBrokers,
  clientId: 'dead-letter-backlog-int-spec',
  connectionTimeoutMs: 3000,
  requestTimeoutMs: 30_000,
};
const kafka = createKafka(connection, silentLogger);
const topic = uniqueName('dlq_backlog');
const dlq = deadLetterTopicOf(topic);
const EARLY = '2024-05-01T10:00:00.000Z';
let admin: Admin;
let producer: Producer;
let database: IsolatedDatabase;
let backlog: DeadLetterBacklog;

function deadLetter(n: number, errorClass: string, failedAt: string) {
  return {
    partition: n % 2,
    key: `SKU-${n}@WH1`,
    value: Buffer.from([0, 0, 0, 0, 9, n]),
    headers: {
      [DeadLetterHeaders.originalTopic]: topic,
      [DeadLetterHeaders.originalPartition]: '0',
      [DeadLetterHeaders.originalOffset]: String(n),
      [DeadLetterHeaders.consumerGroup]: 'projector',
      [DeadLetterHeaders.failedAt]: failedAt,
      [DeadLetterHeaders.errorClass]: errorClass,
      [DeadLetterHeaders.errorKind]: 'permanent',
      [DeadLetterHeaders.fingerprint]: `fp-${errorClass}`,
    },
  };
}

async function unresolved(): Promise<Record<string, number>> {
  const metric = await metricsRegistry.getSingleMetric('ferry_dlq_unresolved')?.get();
  return Object.fromEntries(
    (metric?.values ?? [])
      .filter((sample) => sample.labels['topic'] === dlq)
      .map((sample) => [String(sample.labels['fingerprint']), sample.value]),
  );
}

async function oldestAge(): Promise<number | undefined> {
  const metric = await metricsRegistry
    .getSingleMetric('ferry_dlq_oldest_unresolved_age_seconds')
    ?.get();
  return metric?.values.find((sample) => sample.labels['topic'] === dlq)?.value;
}

beforeAll(async () => {
  await ensureTopics(
    kafka,
    [topic, retryTopicOf(topic, DefaultRetryDelaysMs[0] ?? 30_000), dlq].map((name) => ({
      name,
      partitions: 2,
    })),
  );
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer();
  await producer.connect();
  database = isolatedDatabase(env.databaseUrl, 'dlq_backlog');
  await applyMigrations(database.db, [persistenceMigrations], database.schema);
  backlog = new DeadLetterBacklog(kafka, silentLogger, {
    topicPrefix: topic,
    database: database.db,
    auditSchemas: [database.schema],
    idleTimeoutMs: 10_000,
  });
  const now = new Date().toISOString();
  await producer.send({
    topic: dlq,
    acks: -1,
    messages: [
      deadLetter(1, 'UnknownSchemaError', EARLY),
      deadLetter(2, 'LockTimeout', now),
      deadLetter(3, 'LockTimeout', now),
      deadLetter(4, 'TypeError', now),
    ],
  });
}, 60_000);

afterAll(async () => {
  await producer.disconnect();
  await admin.disconnect();
  await database.drop();
});

const replay = (fingerprint: string, dryRun: boolean) =>
  replayDeadLetters(
    { connection, logger: silentLogger, database: database.db },
    {
      dlqTopic: dlq,
      filter: { fingerprint },
      target: 'original-topic',
      ratePerSecond: 100,
      dryRun,
      reason: 'fixed the projector',
    },
  );

describe('unresolved dead letters', () => {
  it('counts every dead letter by fingerprint before anything is replayed', async () => {
    await backlog.poll(admin, Date.now());
    expect(await unresolved()).toEqual({
      'fp-UnknownSchemaError': 1,
      'fp-LockTimeout': 2,
      'fp-TypeError': 1,
    });
    const age = await oldestAge();
    expect(age).toBeCloseTo((Date.now() - Date.parse(EARLY)) / 1000, -1);
  });

  it('resolves what a replay re-delivered, and nothing for a dry run', async () => {
    await replay('fp-LockTimeout', false);
    await replay('fp-TypeError', true);
    await backlog.poll(admin, Date.now());
    expect(await unresolved()).toEqual({ 'fp-UnknownSchemaError': 1, 'fp-TypeError': 1 });
  });

  it('counts a record that fails again after its replay as unresolved again', async () => {
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [deadLetter(2, 'LockTimeout', new Date().toISOString())],
    });
    await backlog.poll(admin, Date.now());
    expect(await unresolved()).toEqual({
      'fp-UnknownSchemaError': 1,
      'fp-LockTimeout': 1,
      'fp-TypeError': 1,
    });
  });

  it('reports 0 as the oldest age once everything is replayed', async () => {
    await replay('fp-UnknownSchemaError', false);
    await replay('fp-LockTimeout', false);
    await replay('fp-TypeError', false);
    await backlog.poll(admin, Date.now());
    expect(await unresolved()).toEqual({});
    expect(await oldestAge()).toBe(0);
  });
});
