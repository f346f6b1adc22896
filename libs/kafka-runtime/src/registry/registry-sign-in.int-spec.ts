import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { InventoryLevelSetV2Contract } from '@ferry/contracts';
import { rejectionOf } from '@ferry/test-support';
import { SchemaRegistryUnavailableError } from '../errors';
import { EventCodec } from './event-codec';

// A stand-in for the registry on loopback that records how each request signed in and answers 401 to
// any token but the current one: enough to watch the client's Authorization header.
const dir = mkdtempSync(join(tmpdir(), 'ferry-registry-sign-in-'));
const tokenFile = join(dir, 'token');
const seen: (string | undefined)[] = [];
let accepted = 'token-one';
let server: Server;
let registryUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers.authorization);
    request.resume();
    const signedIn = request.headers.authorization === `Bearer ${accepted}`;
    response.writeHead(signedIn ? 200 : 401, { 'Content-Type': 'application/json' });
    // The client reads the subject's compatibility before it registers.
    const answer = request.method === 'GET' ? '{"compatibilityLevel":"BACKWARD"}' : '{"id":7}';
    response.end(signedIn ? answer : '{"error_code":401,"message":"Unauthorized"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis/ccompat/v7`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const bearerFromFile = {
  credentials: { kind: 'bearer', token: { env: 'SCHEMA_REGISTRY_TOKEN', file: tokenFile } },
  tls: {},
} as const;

describe("the registry client's sign-in", () => {
  it('sends the token of the moment: a rotated token file is used from the next request', async () => {
    writeFileSync(tokenFile, 'token-one\n');
    const codec = new EventCodec(registryUrl, 5_000, bearerFromFile);
    expect(await codec.register('rotation-value', InventoryLevelSetV2Contract.schema)).toBe(7);
    writeFileSync(tokenFile, 'token-two-rotated\n');
    accepted = 'token-two-rotated';
    expect(await codec.register('rotation-value', InventoryLevelSetV2Contract.schema)).toBe(7);
    expect(seen.slice(-4)).toEqual([
      'Bearer token-one',
      'Bearer token-one',
      'Bearer token-two-rotated',
      'Bearer token-two-rotated',
    ]);
  });

  it('holds on a refused token, and the error carries no token', async () => {
    writeFileSync(tokenFile, 'token-expired');
    const codec = new EventCodec(registryUrl, 5_000, bearerFromFile);
    const error = await rejectionOf(
      codec.register('refused-value', InventoryLevelSetV2Contract.schema),
    );
    expect(error).toBeInstanceOf(SchemaRegistryUnavailableError);
    expect(seen.at(-1)).toBe('Bearer token-expired');
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain('token-expired');
  });

  it('says which file it could not read, and nothing of its content', async () => {
    rmSync(tokenFile, { force: true });
    const codec = new EventCodec(registryUrl, 5_000, bearerFromFile);
    const error = await rejectionOf(
      codec.register('unread-value', InventoryLevelSetV2Contract.schema),
    );
    expect(String(error)).toContain(`SCHEMA_REGISTRY_TOKEN_FILE=${tokenFile}: cannot be read`);
  });
});
