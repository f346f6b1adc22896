import { deadLetterTopicOf } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { dropSchema } from '@ferry/persistence';
import { testEnvironment, uniqueName } from '@ferry/test-support';
import { runOpsCli } from './run-ops-cli';

/*
 * The CLI in-process against the real Kafka and Postgres: wiring, exit codes and messages. What
 * list and replay do with records is covered by the kafka-runtime dead-letter tests.
 */
const env = testEnvironment();
const schema = uniqueName('ops_cli');
const cliEnv = {
  KAFKA_BROKERS: env.kafkaBrokers.join(','),
  DATABASE_URL: env.databaseUrl,
  FERRY_DB_SCHEMA: schema,
  USER: 'ops-test',
};

async function ops(argv: string[], overrides: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOpsCli(argv, {
    env: { ...cliEnv, ...overrides },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ops CLI (real Kafka and Postgres)', () => {
  const topic = uniqueName('ops_cli');
  const dlq = deadLetterTopicOf(topic);

  beforeAll(async () => {
    const runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'ops-cli-test',
        connectionTimeoutMs: 3000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    await runtime.ensureTopics([
      { name: topic, partitions: 1 },
      { name: dlq, partitions: 1 },
    ]);
  });

  afterAll(async () => {
    await dropSchema(env.databaseUrl, schema);
  });

  it('lists an empty dead-letter topic', async () => {
    expect(await ops(['dlq', 'list', '--topic', dlq])).toEqual({
      code: 0,
      out: `${dlq}: 0 of 0 records match`,
      err: '',
    });
  });

  it('audits a dry run with the requester from $USER', async () => {
    const dry = await ops(['dlq', 'replay', '--topic', dlq, '--all', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.out) as { replayId: string; dryRun: boolean };
    expect(summary.dryRun).toBe(true);

    const audit = await ops(['dlq', 'audit', '--topic', dlq, '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.out)).toEqual([
      expect.objectContaining({
        replayId: summary.replayId,
        requestedBy: 'ops-test',
        dryRun: true,
        matched: 0,
        replayed: 0,
        filter: {},
      }),
    ]);
  });

  it('lists no parked keys and refuses to release a key that is not parked', async () => {
    expect(await ops(['parked', 'list', '--group', 'nobody'])).toEqual({
      code: 0,
      out: 'no parked keys',
      err: '',
    });
    expect(
      await ops([
        'parked',
        'release',
        '--group',
        'nobody',
        '--topic',
        topic,
        '--key',
        'SKU-1@WH1',
        '--reason',
        'test',
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err: `ops: No parked key "SKU-1@WH1" of group nobody on ${topic}`,
    });
  });

  it('fails with one clear line, exit 1, when the topic does not exist', async () => {
    const missing = uniqueName('missing');
    expect(await ops(['dlq', 'list', '--topic', missing])).toEqual({
      code: 1,
      out: '',
      err: `ops: Topic ${missing} does not exist`,
    });
  });

  it('fails with one clear line when Postgres is not reachable', async () => {
    const result = await ops(['dlq', 'audit'], {
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/ferry',
    });
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'ops: Postgres at 127.0.0.1:1/ferry is not reachable (DATABASE_URL)',
    });
  });

  it('reports a bad environment variable without a stack', async () => {
    const result = await ops(['dlq', 'list', '--topic', dlq], { KAFKA_REQUEST_TIMEOUT_MS: 'soon' });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'ops: Invalid configuration:\n  KAFKA_REQUEST_TIMEOUT_MS="soon" is invalid: expected an integer',
    );
  });
});
