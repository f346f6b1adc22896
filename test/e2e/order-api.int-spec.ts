import { FerryHeaders } from '@ferry/contracts';
import { readTopicToEnd } from '@ferry/kafka-runtime';
import {
  isolatedDatabase,
  localAuthorization,
  startService,
  testEnvironment,
  uniqueName,
  type IsolatedDatabase,
  type RunningService,
} from '@ferry/test-support';

/*
 * The order command API as a process of its own, on real Kafka and Postgres: Idempotency-Key
 * semantics, exact-decimal totals, and exactly one SalesOrderPlaced per order on the topic.
 */
describe('order command API', () => {
  const env = testEnvironment();
  const topic = uniqueName('sales_orders');
  let database: IsolatedDatabase;
  let api: RunningService;

  const order = (externalOrderId: string, quantity = 2) => ({
    externalOrderId,
    channel: 'webshop-eu',
    customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
    currency: 'EUR',
    lines: [
      { sku: 'SKU-1', quantity, unitPrice: '19.99' },
      { sku: 'SKU-2', quantity: 3, unitPrice: '0.10' },
    ],
    shipping: '4.90',
  });

  const post = async (body: unknown, key?: string) =>
    fetch(`${api.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: await localAuthorization(),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });

  /** The order's events: every answer came after Kafka acknowledged, so the topic's end has them. */
  const eventsOf = async (externalOrderId: string) => {
    const records = await readTopicToEnd(
      {
        brokers: env.kafkaBrokers,
        clientId: 'order-api-test',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      topic,
    );
    return records.filter((record) => record.key === externalOrderId);
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'e2e_orders');
    api = await startService('order-api', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      FERRY_SALES_ORDER_TOPIC: topic,
    });
  }, 120_000);

  afterAll(async () => {
    await api.stop();
    await database.drop();
  });

  it('answers 202 after Kafka acknowledged, with totals computed in exact decimals', async () => {
    const response = await post(order('SO-1001'), 'key-1001');
    expect(response.status).toBe(202);
    const body = (await response.json()) as Record<string, string>;
    // 2 × 19.99 + 3 × 0.10 + 4.90 = 45.18 (in floating point 0.1 × 3 alone is 0.30000000000000004)
    expect(body).toMatchObject({ status: 'accepted', externalOrderId: 'SO-1001', total: '45.18' });
    const events = await eventsOf('SO-1001');
    expect(events).toHaveLength(1);
    expect(events[0]?.headers[FerryHeaders.eventId]).toBe(body['eventId']);
    expect(events[0]?.headers[FerryHeaders.originSystem]).toBe('storefront');
  });

  it('returns the stored answer for the same key and body, and publishes nothing more', async () => {
    const first = await post(order('SO-1002'), 'key-1002');
    const again = await post(order('SO-1002'), 'key-1002');
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await eventsOf('SO-1002')).toHaveLength(1);
  });

  it('refuses the same key with a different body with 422', async () => {
    expect((await post(order('SO-1003'), 'key-1003')).status).toBe(202);
    const reused = await post(order('SO-1003', 5), 'key-1003');
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: 'idempotency_key_reused' });
    expect(await eventsOf('SO-1003')).toHaveLength(1);
  });

  it('refuses a request without Idempotency-Key with 400 and publishes nothing', async () => {
    const response = await post(order('SO-1004'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'idempotency_key_required' });
    expect(await eventsOf('SO-1004')).toHaveLength(0);
  });

  it('names the bad field and refuses float money', async () => {
    const response = await post(
      { ...order('SO-1005'), lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 19.99 }] },
      'key-1005',
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems[0]).toMatch(/^lines\[0\]\.unitPrice: must be a decimal string/);
  });

  it('places an order once even when retried under another key', async () => {
    expect((await post(order('SO-1006'), 'key-1006-a')).status).toBe(202);
    expect((await post(order('SO-1006'), 'key-1006-b')).status).toBe(202);
    const changed = await post(order('SO-1006', 9), 'key-1006-c');
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ error: 'order_exists' });
    expect(await eventsOf('SO-1006')).toHaveLength(1);
  });
});
