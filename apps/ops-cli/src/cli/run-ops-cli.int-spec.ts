import { deadLetterTopicOf } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import {
  dropSchema,
  openDatabase,
  persistenceMigrations,
  runMigrateStep,
} from '@ferry/persistence';
import {
  temporaryRoles,
  testEnvironment,
  uniqueName,
  type TemporaryRoles,
} from '@ferry/test-support';
import { runOpsCli } from './run-ops-cli';

/*
 * The CLI in-process against the real Kafka and Postgres: wiring, exit codes, messages, and who
 * the audit names. Operators log in as roles of their own, members of the operators' group role;
 * the schema is migrated beforehand, as the services' migrate step does. What list and replay do
 * with records is covered by the kafka-runtime dead-letter tests.
 */
const env = testEnvironment();
const schema = uniqueName('ops_cli');
let dbRoles: TemporaryRoles<'operators' | 'alice' | 'outsider'>;

async function ops(argv: string[], overrides: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOpsCli(argv, {
    env: {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      DATABASE_URL: dbRoles.roles.alice.url,
      FERRY_DB_SCHEMA: schema,
      FERRY_DB_OPERATOR_ROLE: dbRoles.roles.operators.name,
      ...overrides,
    },
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
    dbRoles = await temporaryRoles(env.databaseUrl, {
      operators: { login: false },
      alice: { login: true, memberOf: ['operators'] },
      outsider: { login: true },
    });
    const db = openDatabase({ url: env.databaseUrl, schema });
    await runMigrateStep(db, {
      schema,
      sources: [persistenceMigrations],
      runtimeRole: undefined,
      operatorRole: dbRoles.roles.operators.name,
    });
    await db.close();
  });

  afterAll(async () => {
    await dropSchema(env.databaseUrl, schema);
    await dbRoles.drop();
  });

  it('lists an empty dead-letter topic', async () => {
    expect(await ops(['dlq', 'list', '--topic', dlq])).toEqual({
      code: 0,
      out: `${dlq}: 0 of 0 records match`,
      err: '',
    });
  });

  it('audits a dry run under the role the operator logged in as', async () => {
    const dry = await ops(['dlq', 'replay', '--topic', dlq, '--all', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.out) as { replayId: string; dryRun: boolean };
    expect(summary.dryRun).toBe(true);

    const audit = await ops(['dlq', 'audit', '--topic', dlq, '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.out)).toEqual([
      expect.objectContaining({
        replayId: summary.replayId,
        operator: dbRoles.roles.alice.name,
        statedBy: null,
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

  it('releases a parked key in the audit under the operator role', async () => {
    const admin = openDatabase({ url: env.databaseUrl, schema });
    await admin.query(
      `INSERT INTO ferry_parked_keys (consumer_group, topic, entity_key, state, head_event_id)
       VALUES ('sink', $1, 'SO-7', 'dead-lettered', gen_random_uuid())`,
      [topic],
    );
    const args = ['--group', 'sink', '--topic', topic, '--key', 'SO-7', '--reason', 'obsolete'];
    const released = await ops(['parked', 'release', ...args]);
    expect(released).toMatchObject({ code: 0, err: '' });
    expect(released.out).toMatch(
      new RegExp(`^release \\S+ by ${dbRoles.roles.alice.name}: key SO-7`),
    );
    const { rows } = await admin.query(
      'SELECT operator, requested_by FROM ferry_parked_key_releases',
    );
    await admin.close();
    expect(rows).toEqual([{ operator: dbRoles.roles.alice.name, requested_by: null }]);
  });

  it('refuses a role that is not an operator, saying how to grant it', async () => {
    const { alice, outsider, operators } = dbRoles.roles;
    expect(await ops(['dlq', 'audit'], { DATABASE_URL: outsider.url })).toEqual({
      code: 1,
      out: '',
      err:
        `ops: Postgres role ${outsider.name} is not an operator: it is not a member of ` +
        `${operators.name}. A database administrator grants it with GRANT ${operators.name} TO ${outsider.name};`,
    });
    const noGroup = await ops(['dlq', 'audit'], {
      DATABASE_URL: alice.url,
      FERRY_DB_OPERATOR_ROLE: 'ferry_nobody_x',
    });
    expect(noGroup.code).toBe(1);
    expect(noGroup.err).toMatch(/^ops: Postgres has no role ferry_nobody_x/);
  });

  it('refuses a schema its migrate step has not brought up to date', async () => {
    const bare = uniqueName('ops_bare');
    const result = await ops(['dlq', 'audit'], { FERRY_DB_SCHEMA: bare });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      new RegExp(`^ops: Schema ${bare} \\(FERRY_DB_SCHEMA\\) lacks ferry/001_processed_events, `),
    );
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
