import { signedWebhookHeaders } from '@ferry/erp-odoo';
import { KafkaRuntime, readTopic } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { startOdooSimulator, type OdooSimulator } from '@ferry/simulators';
import {
  isolatedDatabase,
  readMetrics,
  sampleValue,
  startService,
  testEnvironment,
  uniqueName,
  type IsolatedDatabase,
  type RunningService,
} from '@ferry/test-support';

/*
 * The order in which the ERP adapter refuses a webhook, on the adapter as built: the size cap
 * first (413, nothing read), then the signature over the exact bytes (401, whatever they hold),
 * and only then whether they are JSON (400 malformed_json, counted by outcome). Nothing refused
 * reaches Kafka.
 */
describe('ERP adapter: webhook refusals in order', () => {
  const env = testEnvironment();
  const secret = 'webhook-order-test-secret-0001';
  const topic = uniqueName('webhook_order_po');
  let database: IsolatedDatabase;
  let odoo: OdooSimulator;
  let runtime: KafkaRuntime;
  let adapter: RunningService;

  const post = (
    rawBody: Buffer,
    headers: Record<string, string>,
    contentType = 'application/json',
  ) =>
    fetch(`${adapter.url}/v1/erp/odoo/webhooks`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body: rawBody,
    });

  const answerOf = async (response: Response) => [
    response.status,
    ((await response.json()) as { error?: string }).error,
  ];

  const deliveries = async (outcome: string) =>
    sampleValue(await readMetrics(adapter.url), 'ferry_erp_webhook_deliveries_total', { outcome });

  const malformed = Buffer.from('{"_model": "purchase.order", "_id": ');

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'webhook_order');
    odoo = await startOdooSimulator({ signing: { secret } });
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'webhook-order-test',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    // One partition, so that reading up to the valid delivery's event reads everything before it.
    await runtime.ensureTopics([{ name: topic, partitions: 1 }]);
    adapter = await startService('erp-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      ODOO_URL: odoo.url,
      ODOO_PROTOCOL: 'json2',
      ODOO_DATABASE: odoo.credentials.database,
      ODOO_API_KEY: odoo.credentials.apiKey,
      FERRY_ODOO_WEBHOOK_SECRETS: secret,
      FERRY_ODOO_POLL_INTERVAL_MS: '0',
      FERRY_ROLE: 'intake',
      FERRY_PURCHASE_ORDER_TOPIC: topic,
      FERRY_INVOICE_TOPIC: uniqueName('webhook_order_inv'),
    });
  }, 120_000);

  afterAll(async () => {
    await adapter.stop();
    await odoo.stop();
    await database.drop();
  });

  it('answers an unsigned malformed body 401, before reading it as JSON', async () => {
    expect(await answerOf(await post(malformed, {}))).toEqual([401, 'unsigned']);
    const forged = signedWebhookHeaders('not-the-secret-at-all-0001', malformed, Date.now());
    expect(await answerOf(await post(malformed, forged))).toEqual([401, 'bad_signature']);
    expect(await answerOf(await post(malformed, {}, 'text/plain'))).toEqual([401, 'unsigned']);
  });

  it('answers a signed malformed body 400 malformed_json and counts it', async () => {
    const before = await deliveries('malformed-json');
    const answer = await post(malformed, signedWebhookHeaders(secret, malformed, Date.now()));
    expect(await answerOf(answer)).toEqual([400, 'malformed_json']);
    expect(await deliveries('malformed-json')).toBe(before + 1);
  });

  it('answers a signed body not sent as JSON 415', async () => {
    const body = Buffer.from('{"_model":"purchase.order","_id":1}');
    const answer = await post(body, signedWebhookHeaders(secret, body, Date.now()), 'text/plain');
    expect(await answerOf(answer)).toEqual([415, 'unsupported_media_type']);
  });

  it('answers an oversized body 413 before its signature is looked at', async () => {
    const huge = Buffer.from(`{"padding":"${'x'.repeat(300 * 1024)}`);
    expect(await answerOf(await post(huge, {}))).toEqual([413, 'body_too_large']);
  });

  it('still takes a valid signed notice, and nothing refused reached Kafka', async () => {
    const [vendor = 0] = odoo.seed('res.partner', { name: 'Azure Interior', is_company: true });
    const [product = 0] = odoo.seed('product.product', { name: 'Desk', default_code: 'DESK-1' });
    odoo.clock.advance(1000);
    const order = odoo.create('purchase.order', {
      partner_id: vendor,
      order_line: [[0, 0, { product_id: product, name: 'Desk', product_qty: 4, price_unit: 50 }]],
    });
    const [row] = odoo.read('purchase.order', [order], ['write_date', 'state']);
    const body = Buffer.from(JSON.stringify({ _model: 'purchase.order', _id: order, ...row }));
    const answer = await post(body, signedWebhookHeaders(secret, body, Date.now()));
    expect(answer.status).toBe(202);
    const records = await readTopic(runtime, topic, 1, 30_000);
    expect(records.map((record) => record.key)).toEqual([String(order)]);
  });
});
