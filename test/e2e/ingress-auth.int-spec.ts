import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FerryHeaders, IngressScopes } from '@ferry/contracts';
import { readTopicToEnd } from '@ferry/kafka-runtime';
import {
  freePort,
  isolatedDatabase,
  readMetrics,
  sampleValue,
  startIngressIssuer,
  startService,
  testEnvironment,
  uniqueName,
  waitFor,
  type IngressIssuer,
  type IsolatedDatabase,
  type RunningService,
  type TokenRequest,
} from '@ferry/test-support';

/*
 * Authenticated ingress on the real services, Kafka and Postgres: the WMS adapter and the order
 * API let in only bearer tokens of the issuer they trust, with the route's scope; refusals are
 * JSON, counted, and never echo a token; the caller reaches each record's `ferry-caller` header;
 * health and metrics live on the ops port alone.
 */
describe('authenticated ingress', () => {
  const env = testEnvironment();
  const topics = { inventory: uniqueName('auth_inventory'), orders: uniqueName('auth_orders') };
  const kafka = {
    brokers: env.kafkaBrokers,
    clientId: 'ingress-auth-test',
    connectionTimeoutMs: 5000,
    requestTimeoutMs: 30_000,
  };
  let folder: string;
  let issuer: IngressIssuer;
  let database: IsolatedDatabase;
  let wms: RunningService;
  let orders: RunningService;
  const tokensSent: string[] = [];

  const bearer = async (request?: TokenRequest): Promise<string> => {
    const token = await issuer.token(request);
    tokensSent.push(token);
    return `Bearer ${token}`;
  };
  const snapshot = (sku: string) => ({ sku, location: 'WH1', onHand: 5, version: 1 });
  const postSnapshot = (body: unknown, authorization?: string) =>
    fetch(`${wms.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify(body),
    });
  const refusals = async (service: RunningService, labels: Record<string, string>) =>
    sampleValue(await readMetrics(service.opsUrl), 'ferry_http_auth_refusals_total', labels);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ferry-ingress-auth-'));
    issuer = await startIngressIssuer(folder);
    database = isolatedDatabase(env.databaseUrl, 'e2e_auth');
    const shared = {
      ...issuer.env,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      FERRY_INVENTORY_TOPIC: topics.inventory,
      FERRY_SALES_ORDER_TOPIC: topics.orders,
      // The test reads the per-request lines, which `npm test`'s default level (warn) leaves out.
      FERRY_LOG_LEVEL: 'info',
    };
    [wms, orders] = await Promise.all([
      startService('wms-adapter', { ...shared, FERRY_OPS_PORT: String(await freePort()) }),
      startService('order-api', { ...shared, FERRY_OPS_PORT: String(await freePort()) }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([wms.stop(), orders.stop()]);
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers a request without a token 401 with a Bearer challenge, and counts it', async () => {
    const labels = {
      service: 'wms-adapter',
      route: 'POST /v1/inventory-levels',
      reason: 'missing_token',
    };
    const before = await refusals(wms, labels);
    const response = await postSnapshot(snapshot('SKU-ANON'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ferry"');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'unauthenticated',
      reason: 'missing_token',
      message: 'Send an Authorization: Bearer <token> header',
    });
    expect(await refusals(wms, labels)).toBe(before + 1);
  });

  it('answers an expired token, a foreign audience and a forged signature 401 invalid_token', async () => {
    const cases: [string, string][] = [
      [await bearer({ expiresInSeconds: -120 }), 'expired'],
      [await bearer({ audience: 'another-api' }), 'wrong_audience'],
      [(await bearer()).slice(0, -4) + 'AAAA', 'bad_signature'],
    ];
    for (const [authorization, reason] of cases) {
      const labels = { service: 'wms-adapter', reason };
      const before = await refusals(wms, labels);
      const response = await postSnapshot(snapshot('SKU-BAD'), authorization);
      expect([response.status, await response.json()]).toEqual([
        401,
        { error: 'invalid_token', reason, message: `The bearer token was refused: ${reason}` },
      ]);
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="ferry", error="invalid_token"',
      );
      expect(await refusals(wms, labels)).toBe(before + 1);
    }
  });

  it('answers a valid token without the route scope 403 insufficient_scope', async () => {
    const labels = {
      service: 'order-api',
      route: 'POST /api/orders',
      reason: 'insufficient_scope',
    };
    const before = await refusals(orders, labels);
    const response = await fetch(`${orders.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'auth-scope-1',
        authorization: await bearer({ scopes: [IngressScopes.inventoryWrite] }),
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="ferry", error="insufficient_scope", scope="ferry:orders.write"',
    );
    expect(await response.json()).toEqual({
      error: 'insufficient_scope',
      reason: 'insufficient_scope',
      message: 'The bearer token does not grant the scope ferry:orders.write',
    });
    expect(await refusals(orders, labels)).toBe(before + 1);
  });

  it('publishes with a valid token, the caller in a header and not in the event id', async () => {
    const first = await postSnapshot(
      snapshot('SKU-CALLER'),
      await bearer({ subject: 'wms-eu-1', scopes: [IngressScopes.inventoryWrite] }),
    );
    expect(first.status).toBe(202);
    expect(first.headers.get('x-powered-by')).toBeNull();
    const again = await postSnapshot(
      snapshot('SKU-CALLER'),
      await bearer({ subject: 'wms-eu-2', scopes: [IngressScopes.inventoryWrite] }),
    );
    expect(again.status).toBe(202);
    const ids = [first, again].map(
      async (r) => ((await r.json()) as { events: { eventId: string }[] }).events[0]?.eventId,
    );
    const [firstId, againId] = await Promise.all(ids);
    expect(againId).toBe(firstId);

    const records = (await readTopicToEnd(kafka, topics.inventory)).filter(
      (record) => record.key === 'SKU-CALLER@WH1',
    );
    expect(records.map((record) => record.headers[FerryHeaders.caller])).toEqual([
      'wms-eu-1',
      'wms-eu-2',
    ]);
    expect(records.map((record) => record.headers[FerryHeaders.eventId])).toEqual([
      firstId,
      firstId,
    ]);
  });

  it('places an order with a token holding ferry:orders.write, naming its caller', async () => {
    const response = await fetch(`${orders.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'auth-order-1',
        authorization: await bearer({ subject: 'shop-eu', scopes: [IngressScopes.ordersWrite] }),
      },
      body: JSON.stringify({
        externalOrderId: 'AUTH-1',
        channel: 'webshop-eu',
        customer: { customerId: 'C-1', email: 'ana@example.com', name: 'Ana' },
        currency: 'EUR',
        lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: '9.99' }],
      }),
    });
    expect(response.status).toBe(202);
    const records = (await readTopicToEnd(kafka, topics.orders)).filter(
      (record) => record.key === 'AUTH-1',
    );
    expect(records.map((record) => record.headers[FerryHeaders.caller])).toEqual(['shop-eu']);
  });

  it('takes tokens of a rotated-in key at once, and refuses the old key once it is retired', async () => {
    const oldKey = await bearer({ subject: 'wms-eu-1' });
    await issuer.rotate();
    const newKey = await bearer({ subject: 'wms-eu-1' });
    expect((await postSnapshot(snapshot('SKU-ROT-1'), newKey)).status).toBe(202);
    expect((await postSnapshot(snapshot('SKU-ROT-2'), oldKey)).status).toBe(202);
    issuer.retireOldKeys();
    // The services read the JWKS again once their copy is older than its max age (1 s here).
    const refusal = await waitFor('the retired key to be refused', async () => {
      const answer = await postSnapshot(snapshot('SKU-ROT-3'), oldKey);
      return answer.status === 401 ? ((await answer.json()) as { reason: string }) : undefined;
    });
    expect(refusal.reason).toBe('unknown_key');
    expect((await postSnapshot(snapshot('SKU-ROT-4'), newKey)).status).toBe(202);
  });

  it('serves health and metrics on the ops port only, without a framework banner', async () => {
    for (const service of [wms, orders]) {
      const ready = await fetch(`${service.opsUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.headers.get('x-powered-by')).toBeNull();
      const metrics = await fetch(`${service.opsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('ferry_http_auth_refusals_total');
      // The business port knows no ops path: unauthenticated 401, authenticated 404.
      expect((await fetch(`${service.url}/metrics`)).status).toBe(401);
      const asCaller = await fetch(`${service.url}/health/ready`, {
        headers: { authorization: await bearer() },
      });
      expect(asCaller.status).toBe(404);
      expect(asCaller.headers.get('x-powered-by')).toBeNull();
      expect((await fetch(`${service.opsUrl}/v1/inventory-levels`)).status).toBe(404);
    }
  });

  it('logs each request with its caller and never a token', () => {
    const lines = wms
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'request answered',
        route: 'POST /v1/inventory-levels',
        status: 202,
        caller: 'wms-eu-1',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ message: 'request refused: credentials', reason: 'expired' }),
    );
    for (const service of [wms, orders])
      for (const token of tokensSent) expect(service.output()).not.toContain(token.split('.')[2]);
  });
});
