import { KafkaRuntime, readTopic } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import {
  isolatedDatabase,
  localAuthorization,
  startService,
  startTcpRelay,
  testEnvironment,
  uniqueName,
  type IsolatedDatabase,
  type RunningService,
  type TcpRelay,
} from '@ferry/test-support';

/*
 * The order API as a process of its own on real Kafka, registry and Postgres (reached through a
 * TCP relay the test can close): an order its event cannot carry is a 400 invalid_order before
 * anything happens (no key claimed, nothing published, a retry under a new key refused alike),
 * and a Postgres outage is a 503 with Retry-After, never a 500.
 */
describe('order API: orders its event cannot carry, and a database outage', () => {
  const env = testEnvironment();
  const topic = uniqueName('order_limits');
  /** Keys of what the topic must hold: the markers, nothing else. */
  const markers: string[] = [];
  let database: IsolatedDatabase;
  let relay: TcpRelay;
  let runtime: KafkaRuntime;
  let api: RunningService;

  const order = (externalOrderId: string, overrides: object = {}) => ({
    externalOrderId,
    channel: 'webshop-eu',
    customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
    currency: 'EUR',
    lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: '19.99' }],
    ...overrides,
  });

  const post = async (body: unknown, key: string) =>
    fetch(`${api.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        authorization: await localAuthorization(),
      },
      body: JSON.stringify(body),
    });

  const expectInvalidOrder = async (response: Response, problem: RegExp) => {
    const body = (await response.json()) as { error: string; problems?: string[] };
    expect([response.status, body.error]).toEqual([400, 'invalid_order']);
    expect(body.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  };

  /** The idempotency keys Postgres holds, with their state. */
  const keys = async (): Promise<Record<string, string>> => {
    const { rows } = await database.db.query<{ idempotency_key: string; state: string }>(
      'SELECT idempotency_key, state FROM order_api_idempotency_keys',
    );
    return Object.fromEntries(rows.map((row) => [row.idempotency_key, row.state]));
  };

  /**
   * Places a valid order after the refused ones and reads the one-partition topic up to it: an
   * order a refused request published would stand before it, so the topic holding exactly the
   * markers proves nothing else reached Kafka.
   */
  const expectOnlyMarkers = async (marker: string) => {
    expect((await post(order(marker), `key-${marker}`)).status).toBe(202);
    markers.push(marker);
    const records = await readTopic(runtime, topic, markers.length, 30_000);
    expect(records.map((record) => record.key)).toEqual(markers);
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'order_limits');
    const postgres = new URL(env.databaseUrl);
    relay = await startTcpRelay(postgres.hostname, Number(postgres.port || 5432));
    const throughRelay = new URL(env.databaseUrl);
    throughRelay.host = relay.address;
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'order-limits-test',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    // One partition, so that a marker read means everything before it was read.
    await runtime.ensureTopics([{ name: topic, partitions: 1 }]);
    api = await startService('order-api', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: throughRelay.toString(),
      FERRY_DB_SCHEMA: database.schema,
      FERRY_SALES_ORDER_TOPIC: topic,
    });
  }, 120_000);

  afterAll(async () => {
    await api.stop();
    await relay.close();
    await database.drop();
  });

  it('refuses U+0000 in the order id or any text with 400, claiming no key', async () => {
    await expectInvalidOrder(
      await post(order('SO-\u0000'), 'key-nul-id'),
      /^externalOrderId: .*U\+0000/,
    );
    await expectInvalidOrder(
      await post(
        order('SO-NUL-2', {
          customer: { customerId: 'C-7', email: 'ana@example.com', name: 'A\u0000' },
        }),
        'key-nul-name',
      ),
      /^customer\.name: .*U\+0000/,
    );
    expect(await keys()).toEqual({});
    await expectOnlyMarkers('SO-MARK-1');
  });

  it('refuses an order id with a lone surrogate, and its retry under a new key, publishing nothing', async () => {
    for (const key of ['key-surrogate-a', 'key-surrogate-b'])
      await expectInvalidOrder(
        await post(order('SO-\ud800'), key),
        /^externalOrderId: must be well-formed Unicode/,
      );
    const held = await keys();
    expect([held['key-surrogate-a'], held['key-surrogate-b']]).toEqual([undefined, undefined]);
    await expectOnlyMarkers('SO-MARK-2');
  });

  it('refuses amounts decimal(18,4) does not hold, typed or computed, with 400 naming them', async () => {
    await expectInvalidOrder(
      await post(
        order('SO-BIG-1', {
          lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: '100000000000000.00' }],
        }),
        'key-big-1',
      ),
      /^lines\[0\]\.unitPrice: /,
    );
    await expectInvalidOrder(
      await post(
        order('SO-BIG-2', {
          lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: '99999999999999.99' }],
        }),
        'key-big-2',
      ),
      /^lines\[0\]: unitPrice × quantity must be at most/,
    );
    await expectInvalidOrder(
      await post(
        order('SO-BIG-3', {
          lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: '99999999999999.99' }],
          tax: '0.01',
        }),
        'key-big-3',
      ),
      /^\(body\): the order's total/,
    );
    const held = await keys();
    expect(['key-big-1', 'key-big-2', 'key-big-3'].map((key) => held[key])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await expectOnlyMarkers('SO-MARK-3');
  });

  it('leaves no idempotency key pending', async () => {
    const held = await keys();
    expect(Object.values(held).filter((state) => state !== 'completed')).toEqual([]);
    expect(Object.keys(held).sort()).toEqual(markers.map((marker) => `key-${marker}`).sort());
  });

  it('answers 503 with Retry-After while Postgres cannot be reached', async () => {
    await relay.close();
    const response = await post(order('SO-OUTAGE-1'), 'key-outage-1');
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await response.json()).toMatchObject({ error: 'unavailable' });
  });
});
