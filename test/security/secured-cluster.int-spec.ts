import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Topics } from '@ferry/contracts';
import { createKafka, type KafkaSecuritySettings } from '@ferry/kafka-runtime';
import {
  kafkaClientEnv,
  kafkaClientSettings,
  readEndpointsFile,
  runErpWmsFlow,
  WEBHOOK_SECRET,
  type Endpoints,
  type KafkaSecurityEndpoints,
} from '@ferry/local-infra';
import { silentLogger } from '@ferry/observability';
import {
  dropSchema,
  openDatabase,
  persistenceMigrations,
  runMigrateStep,
} from '@ferry/persistence';
import {
  readMetrics,
  sampleValue,
  startService,
  temporaryRoles,
  testEnvironment,
  uniqueName,
  waitFor,
  type TemporaryRoles,
} from '@ferry/test-support';
import { caseFerryHome, freePortRange, runInfraCli } from '../faults/infra/local-infra-cli';

const run = promisify(execFile);
const opsCli = resolve(__dirname, '..', '..', 'apps', 'ops-cli', 'dist', 'main.js');

/*
 * A secured Kafka of this test's own (`npm run infra -- up --secure`: SASL_SSL and mutual TLS
 * only, the StandardAuthorizer on), with exactly the ACLs `ops acls apply` derives from the
 * ownership map. The ERP ↔ WMS flow runs on it with each service as its own principal; clients
 * without TLS, with a wrong password or writing what their system does not own are refused; and
 * no secret shows in any output.
 */
describe('Ferry on a secured Kafka with derived ACLs', () => {
  const env = testEnvironment();
  const home = caseFerryHome('secure');
  let endpoints: Endpoints;
  let security: KafkaSecurityEndpoints;
  const outputs: string[] = [];
  const otherSecrets: string[] = [WEBHOOK_SECRET];
  // Kafka and a registry of this test's own (the catalog's subjects, untouched by other tests).
  let infraEnv: Record<string, string>;
  // The operator who applies the ACLs logs in to Postgres as a role of their own.
  const auditSchema = uniqueName('secure_ops');
  let dbRoles: TemporaryRoles<'operators' | 'alice'>;

  const client = (settings: KafkaSecuritySettings, brokers = endpoints.kafkaBrokers) =>
    createKafka(
      {
        brokers,
        clientId: 'ferry-security-test',
        connectionTimeoutMs: 3000,
        requestTimeoutMs: 10_000,
        ...settings,
      },
      silentLogger,
    );

  const ops = async (args: string[], principal = security.adminPrincipal) => {
    const { stdout } = await run(process.execPath, [opsCli, ...args], {
      env: {
        ...process.env,
        ...kafkaClientEnv(security, endpoints.kafkaBrokers, principal),
        DATABASE_URL: dbRoles.roles.alice.url,
        FERRY_DB_SCHEMA: auditSchema,
        FERRY_DB_OPERATOR_ROLE: dbRoles.roles.operators.name,
      },
      timeout: 120_000,
    });
    outputs.push(stdout);
    return stdout;
  };

  beforeAll(async () => {
    infraEnv = {
      KAFKA_BROKERS: '',
      FERRY_KAFKA_PORT: String(await freePortRange(3)),
      SCHEMA_REGISTRY_URL: '',
      FERRY_REGISTRY_PORT: String(await freePortRange(1)),
      FERRY_REGISTRY_DATABASE: uniqueName('secure_registry'),
      DATABASE_URL: env.databaseUrl,
    };
    dbRoles = await temporaryRoles(env.databaseUrl, {
      operators: { login: false },
      alice: { login: true, memberOf: ['operators'] },
    });
    const db = openDatabase({ url: env.databaseUrl, schema: auditSchema });
    await runMigrateStep(db, {
      schema: auditSchema,
      sources: [persistenceMigrations],
      runtimeRole: undefined,
      operatorRole: dbRoles.roles.operators.name,
    });
    await db.close();
    const started = await runInfraCli(home, ['up', '--secure'], infraEnv);
    outputs.push(started);
    const written = readEndpointsFile(join(home, 'run', 'endpoints.json'));
    if (written?.kafkaSecurity === undefined) throw new Error('up --secure wrote no security');
    endpoints = written;
    security = written.kafkaSecurity;
  }, 300_000);

  afterAll(async () => {
    // reset: down, and the registry's database dropped with the data.
    await runInfraCli(home, ['reset'], infraEnv).catch(() => undefined);
    await dropSchema(env.databaseUrl, auditSchema);
    await dbRoles.drop();
    rmSync(home, { recursive: true, force: true });
  }, 120_000);

  it('applies the derived ACLs with ops acls apply as an audited operator, and a second apply changes nothing', async () => {
    const first = await ops(['acls', 'apply', '--execute', '--reason', 'first deployment']);
    expect(first).toMatch(/^(\d+) were created, 0 were deleted, 0 already in place$/m);
    const audit = openDatabase({ url: env.databaseUrl, schema: auditSchema });
    try {
      const { rows } = await audit.query<{ operator: string; reason: string; created: number }>(
        `SELECT operator, reason, jsonb_array_length(detail->'created') AS created
           FROM ferry_operator_actions WHERE action = 'acls apply'`,
      );
      const created = Number(/^(\d+) were created/m.exec(first)?.[1]);
      expect(rows).toEqual([
        { operator: dbRoles.roles.alice.name, reason: 'first deployment', created },
      ]);
    } finally {
      await audit.close();
    }
    // apply returns once the broker shows the rules: a new connection sees them at once.
    const second = await ops(['acls', 'plan']);
    expect(second).toMatch(/^0 would be created, 0 would be deleted, \d+ already in place/m);
  }, 120_000);

  it('refuses the WMS adapter writing an ERP-owned topic with TOPIC_AUTHORIZATION_FAILED', async () => {
    const wms = client(kafkaClientSettings(security, 'ferry-wms-adapter')).producer();
    await wms.connect();
    try {
      const refusal = await wms
        .send({ topic: Topics.purchaseOrders.name, messages: [{ key: 'PO-1', value: 'forged' }] })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      // kafkajs gives the broker's answer as it is or wrapped as non-retriable; either way its
      // text is the one of TOPIC_AUTHORIZATION_FAILED (29).
      expect(refusal).toMatchObject({
        message: 'Not authorized to access topics: [Topic authorization failed]',
      });
      // The same credentials write what the WMS owns.
      await expect(
        wms.send({ topic: Topics.inventoryLevels.name, messages: [{ key: 'k', value: null }] }),
      ).resolves.toHaveLength(1);
    } finally {
      await wms.disconnect();
    }
  }, 60_000);

  it('refuses a plaintext client and a wrong password', async () => {
    const plaintext = client({}).admin();
    await expect(plaintext.connect()).rejects.toThrow();
    const wrongPassword = client({
      securityProtocol: 'SASL_SSL',
      saslUsername: 'ferry-wms-adapter',
      saslPassword: 'not-the-password',
      sslCaFile: security.caFile,
    }).admin();
    await expect(wrongPassword.connect()).rejects.toMatchObject({
      name: 'KafkaJSSASLAuthenticationError',
    });
  }, 120_000);

  it('refuses a client certificate on the mutual-TLS listener only when it has none', async () => {
    const withCertificate = client(
      {
        securityProtocol: 'SSL',
        sslCaFile: security.caFile,
        sslCertFile: join(security.certificatesFolder, 'ferry-ops.crt'),
        sslKeyFile: join(security.certificatesFolder, 'ferry-ops.key'),
      },
      security.mtlsBrokers,
    ).admin();
    await withCertificate.connect();
    await withCertificate.disconnect();
    const without = client(
      { securityProtocol: 'SSL', sslCaFile: security.caFile },
      security.mtlsBrokers,
    ).admin();
    await expect(without.connect()).rejects.toThrow();
  }, 120_000);

  it('has a registry that serves TLS only and refuses a caller without its password', async () => {
    const registry = endpoints.registryClientEnv ?? {};
    expect(endpoints.schemaRegistryUrl).toMatch(/^https:\/\//);
    const status = await new Promise<number>((done, fail) => {
      httpsGet(
        `${endpoints.schemaRegistryUrl}/subjects`,
        { ca: readFileSync(registry['SCHEMA_REGISTRY_TLS_CA_FILE'] ?? '') },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      ).on('error', fail);
    });
    expect(status).toBe(401);
  }, 30_000);

  it('runs the ERP ↔ WMS flow with each service as its own principal and nothing more', async () => {
    const said: string[] = [];
    const ok = await runErpWmsFlow(endpoints, (line) => said.push(line), {
      // A registry just started answers its first registrations slowly on a busy machine.
      extraEnv: { SCHEMA_REGISTRY_TIMEOUT_MS: '30000' },
      beforeStop: (system) => {
        outputs.push(
          ...[system.wmsAdapter, system.erpAdapter, system.orderApi, system.projector].map(
            (service) => service.output(),
          ),
        );
        otherSecrets.push(system.odoo.credentials.apiKey);
      },
    });
    expect({ ok, said }).toMatchObject({ ok: true });
  }, 300_000);

  it('reports the lag of the stopped services as principal ferry-lag-exporter, with only its ACLs', async () => {
    // One record nobody consumed yet, so the exporter also reads a timestamp (its reader groups).
    const wms = client(kafkaClientSettings(security, 'ferry-wms-adapter')).producer();
    await wms.connect();
    await wms.send({ topic: Topics.inventoryLevels.name, messages: [{ key: 'lag', value: 'x' }] });
    await wms.disconnect();
    const exporter = await startService(
      'lag-exporter',
      {
        ...kafkaClientEnv(security, endpoints.kafkaBrokers, 'ferry-lag-exporter'),
        FERRY_LAG_POLL_INTERVAL_MS: '1000',
        DATABASE_URL: '',
      },
      { migrate: false },
    );
    try {
      const group = 'ferry.inventory-projector';
      const metrics = await waitFor('a poll that read every group', async () => {
        const text = await readMetrics(exporter.url);
        return sampleValue(text, 'ferry_lag_exporter_last_success_timestamp_seconds') > 0
          ? text
          : undefined;
      });
      const lagOf = (name: string) =>
        sampleValue(metrics, name, { group, topic: Topics.inventoryLevels.name });
      expect({
        offsetErrors: sampleValue(metrics, 'ferry_lag_exporter_errors_total', { kind: 'offsets' }),
        timestampErrors: sampleValue(metrics, 'ferry_lag_exporter_errors_total', {
          kind: 'timestamps',
        }),
        empty: sampleValue(metrics, 'ferry_consumergroup_state', { group, state: 'Empty' }),
        members: sampleValue(metrics, 'ferry_consumergroup_members', { group }),
        lagRecords: lagOf('ferry_consumergroup_lag_records'),
      }).toEqual({ offsetErrors: 0, timestampErrors: 0, empty: 1, members: 0, lagRecords: 1 });
      expect(lagOf('ferry_consumergroup_lag_seconds')).toBeGreaterThan(0);
    } finally {
      await exporter.stop();
      outputs.push(exporter.output());
    }
  }, 120_000);

  it('shows no secret in any output or log of the run', () => {
    const passwords = readdirSync(security.credentialsFolder)
      .filter((name) => name.endsWith('.password'))
      .map((name) => readFileSync(join(security.credentialsFolder, name), 'utf8'));
    const keys = readdirSync(security.certificatesFolder)
      .filter((name) => name.endsWith('.key'))
      .map((name) => keyBody(readFileSync(join(security.certificatesFolder, name), 'utf8')));
    const logs = readdirSync(join(home, 'logs')).map((name) =>
      readFileSync(join(home, 'logs', name), 'utf8'),
    );
    const registryPassword = readFileSync(
      endpoints.registryClientEnv?.['SCHEMA_REGISTRY_PASSWORD_FILE'] ?? '',
      'utf8',
    );
    passwords.push(registryPassword);
    const texts = [...outputs, ...logs];
    expect(passwords.length).toBeGreaterThanOrEqual(8);
    expect(texts.join('').length).toBeGreaterThan(10_000);
    const leaks = [...passwords, ...keys, ...otherSecrets].filter((secret) =>
      texts.some((text) => text.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});

/** A line from the middle of a PEM key: enough to recognise it anywhere. */
function keyBody(pem: string): string {
  return pem.split('\n')[5] ?? pem;
}
