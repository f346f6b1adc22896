import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect } from '@ferry/persistence';
import { freePort, testEnvironment, uniqueName, waitFor } from '@ferry/test-support';
import { ferryHome, readLocalInfraConfig } from '../config';
import { silent } from '../lifecycle/context';
import type { InfraContext } from '../lifecycle/context';
import { resetInfra } from '../lifecycle/reset';
import { collectStatus } from '../lifecycle/status';
import { layoutOf } from '../paths';
import { isAlive } from '../process/liveness';
import { readPidRecord } from '../process/pid-file';
import { isPortFree } from '../process/port';
import { javaCommand } from '../tools/java';
import {
  dropRegistryDatabase,
  registryDatabaseFile,
  registryDatabaseUrl,
} from './registry-database';
import type { RegistryDatabase } from './registry-database';
import { downRegistry, registryProcess, upRegistry } from './registry-service';

// A registry of its own (port, Ferry home, database): the shared one on 18081 serves other tests
// and must never be stopped. It is started by the same upRegistry that `npm run infra -- up` uses.
const home = mkdtempSync(join(tmpdir(), 'ferry-registry-restart-'));
const database: RegistryDatabase = {
  serverUrl: testEnvironment().databaseUrl,
  name: uniqueName('ferry_registry_it'),
  embedded: false,
};
let context: InfraContext;
let java: string;
let registryUrl: string;

interface Registered {
  readonly subject: string;
  readonly schema: object;
}

/** One Avro record schema per call: a name of its own makes its content, and so its id, new. */
function avroRecord(field: string): object {
  return {
    type: 'record',
    name: uniqueName('Restarted'),
    namespace: 'ferry.test',
    fields: [{ name: field, type: 'string' }],
  };
}

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${registryUrl}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.json() };
}

async function register(registered: Map<number, Registered>, field: string): Promise<number> {
  const subject = uniqueName('restart');
  const schema = avroRecord(field);
  const { status, body } = await call(`/subjects/${subject}/versions`, {
    method: 'POST',
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  expect(status).toBe(200);
  const { id } = body as { id: number };
  expect(registered.has(id)).toBe(false);
  registered.set(id, { subject, schema });
  return id;
}

/** Every id still names its own schema; every subject is listed with its one version. */
async function expectKept(registered: ReadonlyMap<number, Registered>): Promise<void> {
  for (const [id, { subject, schema }] of registered) {
    const byId = await call(`/schemas/ids/${id}`);
    expect(byId.status).toBe(200);
    expect(JSON.parse((byId.body as { schema: string }).schema)).toEqual(schema);
    expect(await call(`/subjects/${subject}/versions`)).toEqual({ status: 200, body: [1] });
    const version = await call(`/subjects/${subject}/versions/1`);
    expect(version.body).toMatchObject({ subject, version: 1, id });
  }
  const subjects = await call('/subjects');
  expect((subjects.body as string[]).sort()).toEqual(
    [...registered.values()].map(({ subject }) => subject).sort(),
  );
}

function registryPid(): number {
  const pid = readPidRecord(registryProcess(context).pidFile)?.pid;
  if (pid === undefined) throw new Error('the registry wrote no pid file');
  return pid;
}

beforeAll(async () => {
  const config = readLocalInfraConfig({
    ...process.env,
    FERRY_HOME: home,
    FERRY_REGISTRY_PORT: String(await freePort()),
    SCHEMA_REGISTRY_URL: '',
  });
  // Apicurio comes from the download cache of the usual Ferry home: no second 110 MB download.
  const layout = { ...layoutOf(home), cache: layoutOf(ferryHome()).cache };
  context = { config, layout, log: silent };
  java = javaCommand(config.javaHome);
  registryUrl = await upRegistry(context, java, database);
}, 120_000);

afterAll(async () => {
  await downRegistry(context);
  await dropRegistryDatabase(database);
  rmSync(home, { recursive: true, force: true });
}, 60_000);

describe('the registry Ferry runs', () => {
  it('keeps schema ids, subjects and versions across a stop and a kill -9', async () => {
    const registered = new Map<number, Registered>();
    await register(registered, 'sku');
    await register(registered, 'orderId');
    const status = await collectStatus(context);
    expect(status.find((part) => part.name === 'registry-db')).toMatchObject({
      endpoint: registryDatabaseUrl(database),
      running: true,
    });

    const stoppedPid = registryPid();
    expect((await downRegistry(context)).outcome).toBe('stopped');
    await upRegistry(context, java, database);
    expect(registryPid()).not.toBe(stoppedPid);
    await expectKept(registered);
    await register(registered, 'shipmentId');

    const killedPid = registryPid();
    process.kill(killedPid, 'SIGKILL');
    // A killed JVM's leader turns zombie before its last thread has let go of the port.
    await waitFor('the killed registry to be gone with its port', async () =>
      !isAlive(killedPid) && (await isPortFree(context.config.registryPort)) ? true : undefined,
    );
    await upRegistry(context, java, database);
    expect(registryPid()).not.toBe(killedPid);
    await expectKept(registered);
    await register(registered, 'invoiceId');
    await expectKept(registered);
  }, 180_000);

  it('starts empty in a data folder that recorded no registry database (a fresh clone)', async () => {
    const registered = new Map<number, Registered>();
    const id = await register(registered, 'leftBehind');
    expect((await downRegistry(context)).outcome).toBe('stopped');
    rmSync(registryDatabaseFile(context.layout));
    // Ferry runs Kafka itself here: its fresh data holds no record naming the old ids.
    const fresh: InfraContext = {
      ...context,
      config: readLocalInfraConfig({
        ...process.env,
        FERRY_HOME: home,
        FERRY_REGISTRY_PORT: String(context.config.registryPort),
        SCHEMA_REGISTRY_URL: '',
        KAFKA_BROKERS: '',
      }),
    };
    await upRegistry(fresh, java, database);
    expect((await call(`/schemas/ids/${id}`)).status).toBe(404);
    expect(await call('/subjects')).toEqual({ status: 200, body: [] });
    expect(existsSync(registryDatabaseFile(context.layout))).toBe(true);
  }, 120_000);

  it("forgets everything on reset: its database is dropped with Kafka's data", async () => {
    expect(await canConnect(registryDatabaseUrl(database))).toBe(true);
    await resetInfra(context);
    expect(await canConnect(registryDatabaseUrl(database))).toBe(false);
    expect(existsSync(registryDatabaseFile(context.layout))).toBe(false);
  }, 60_000);
});
