import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  InventoryLevelSetV2Contract,
  registryTransport,
  type RegistryAccess,
} from '@ferry/contracts';
import { EventCodec, SchemaRegistryUnavailableError } from '@ferry/kafka-runtime';
import {
  freePort,
  inventoryLevelSet,
  rejectionOf,
  testEnvironment,
  uniqueName,
} from '@ferry/test-support';
import { ferryHome, readLocalInfraConfig } from '../config';
import { silent, type InfraContext } from '../lifecycle/context';
import { layoutOf } from '../paths';
import { javaCommand } from '../tools/java';
import { dropRegistryDatabase, type RegistryDatabase } from './registry-database';
import { registryClientAccess, registrySecurity, type RegistrySecurity } from './registry-security';
import { downRegistry, upRegistry } from './registry-service';

// A registry of its own in secure mode (port, Ferry home, database), started by the same
// upRegistry that `npm run infra -- up` uses; the shared one is never touched.
const home = mkdtempSync(join(tmpdir(), 'ferry-registry-secure-'));
const database: RegistryDatabase = {
  serverUrl: testEnvironment().databaseUrl,
  name: uniqueName('ferry_registry_secure'),
  embedded: false,
};
let context: InfraContext;
let security: RegistrySecurity;
let registryUrl: string;

const WRONG_PASSWORD = 'not-the-password-0123';

function withCredentials(credentials: RegistryAccess['credentials']): RegistryAccess {
  return { ...registryClientAccess(security), credentials };
}

async function statusOf(access: RegistryAccess): Promise<number> {
  const answer = await registryTransport(registryUrl, access).send({
    method: 'GET',
    url: `${registryUrl}/subjects`,
    headers: {},
    timeoutMs: 10_000,
  });
  return answer.status;
}

/** Plain HTTP to the registry's port: what an old client or a typo'd URL would do. */
function plainHttpOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path: '/apis/ccompat/v7/subjects' },
      (r) => {
        r.resume();
        resolve(`answered ${r.statusCode ?? 0}`);
      },
    );
    // A bound, not a wait: a plain-HTTP request the TLS-only registry never answers ends here.
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('no answer')));
    outgoing.on('error', (error) => {
      resolve(`failed: ${error.message}`);
    });
    outgoing.end();
  });
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
  security = await registrySecurity(home);
  registryUrl = await upRegistry(context, javaCommand(config.javaHome), database, security);
}, 180_000);

afterAll(async () => {
  await downRegistry(context);
  await dropRegistryDatabase(database);
  rmSync(home, { recursive: true, force: true });
}, 60_000);

describe('the registry in secure mode', () => {
  it('serves TLS only: plain HTTP on its port gets no answer', async () => {
    expect(registryUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/apis\/ccompat\/v7$/);
    expect(await plainHttpOutcome(context.config.registryPort)).toMatch(/^failed: /);
  });

  it('refuses a caller without credentials and one with a wrong password (401)', async () => {
    expect(await statusOf(withCredentials({ kind: 'none' }))).toBe(401);
    const wrong = withCredentials({
      kind: 'basic',
      username: security.username,
      password: { env: 'SCHEMA_REGISTRY_PASSWORD', value: WRONG_PASSWORD },
    });
    expect(await statusOf(wrong)).toBe(401);
    expect(await statusOf(registryClientAccess(security))).toBe(200);
  });

  it("registers and fetches a schema through Ferry's codec with the password and the CA", async () => {
    const subject = `${uniqueName('secure')}-value`;
    const writer = new EventCodec(registryUrl, 10_000, registryClientAccess(security));
    const id = await writer.register(subject, InventoryLevelSetV2Contract.schema);
    const event = inventoryLevelSet('SKU-SECURE', 1, 5);
    // A fresh codec has no schema cached: decoding fetches the writer schema by id over TLS.
    const reader = new EventCodec(registryUrl, 10_000, registryClientAccess(security));
    expect(
      await reader.decode(writer.encode(id, event), InventoryLevelSetV2Contract),
    ).toMatchObject(event);
  });

  it('holds (never dead-letters) on refused credentials, without the secret in the error', async () => {
    const wrong = withCredentials({
      kind: 'basic',
      username: security.username,
      password: { env: 'SCHEMA_REGISTRY_PASSWORD', value: WRONG_PASSWORD },
    });
    const codec = new EventCodec(registryUrl, 10_000, wrong);
    const error = await rejectionOf(
      codec.register(uniqueName('refused'), InventoryLevelSetV2Contract.schema),
    );
    expect(error).toBeInstanceOf(SchemaRegistryUnavailableError);
    const everything = inspect(error, { depth: Infinity, showHidden: true });
    expect(everything).not.toContain(WRONG_PASSWORD);
    expect(everything).not.toContain(
      Buffer.from(`${security.username}:${WRONG_PASSWORD}`).toString('base64'),
    );
  });

  it("refuses a registry whose certificate the client's CAs do not vouch for", async () => {
    const systemCas: RegistryAccess = { ...registryClientAccess(security), tls: {} };
    const error = await rejectionOf(statusOf(systemCas));
    expect(String(error)).toMatch(/certificate/);
    const codec = new EventCodec(registryUrl, 10_000, systemCas);
    expect(
      await rejectionOf(
        codec.register(uniqueName('untrusted'), InventoryLevelSetV2Contract.schema),
      ),
    ).toBeInstanceOf(SchemaRegistryUnavailableError);
  });
});
