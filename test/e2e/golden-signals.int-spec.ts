import {
  deriveEventId,
  PurchaseOrderStateContract,
  valueSubject,
  type PurchaseOrderState,
} from '@ferry/contracts';
import { KafkaRuntime, type EventPublisher } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { startWmsSimulator, type WmsSimulator } from '@ferry/simulators';
import {
  isolatedDatabase,
  localAuthorization,
  readMetrics,
  sampleValue,
  startService,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
  type RunningService,
} from '@ferry/test-support';

/*
 * The golden signals as a scraper sees them: the WMS adapter (intake and its expected-receipts
 * sink into a simulated WMS) and the inventory projector run as their own processes on real
 * Kafka, registry and Postgres; what the test sends is counted on their /metrics, exactly.
 */
describe('golden signals on /metrics', () => {
  const env = testEnvironment();
  const inventoryTopic = uniqueName('golden_inventory');
  const purchaseOrderTopic = uniqueName('golden_purchase_orders');
  const projectorGroup = uniqueName('golden_projector');
  const sinkGroup = uniqueName('golden_wms_sink');
  /** How far in the past the snapshots say they were recorded: their age at apply is at least this. */
  const DELAY_SECONDS = 30;
  let projectorDatabase: IsolatedDatabase;
  let sinkDatabase: IsolatedDatabase;
  let wms: WmsSimulator;
  let runtime: KafkaRuntime;
  let purchaseOrders: EventPublisher<PurchaseOrderState>;
  let adapter: RunningService;
  let projector: RunningService;

  const post = async (path: string, body: unknown, authorized = true) =>
    fetch(`${adapter.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorized ? { authorization: await localAuthorization() } : {}),
      },
      body: JSON.stringify(body),
    });

  const purchaseOrder = (id: string, occurredAt: number): PurchaseOrderState => ({
    eventId: deriveEventId('erp', id, 1),
    entityId: id,
    sourceSystem: 'erp',
    sourceVersion: 1,
    occurredAt,
    purchaseOrderId: id,
    reference: `P-${id}`,
    supplierId: 'S1',
    supplierName: 'Acme',
    state: 'CONFIRMED',
    currency: 'EUR',
    warehouse: 'WH1',
    expectedDate: '2026-12-01',
    lines: [
      {
        lineId: '1',
        sku: 'SKU-1',
        quantity: 4,
        unit: 'unit',
        unitPrice: '2.50',
        expectedDate: null,
      },
    ],
  });

  beforeAll(async () => {
    projectorDatabase = isolatedDatabase(env.databaseUrl, 'e2e_golden_projector');
    sinkDatabase = isolatedDatabase(env.databaseUrl, 'e2e_golden_sink');
    wms = await startWmsSimulator();
    const shared = {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_INVENTORY_TOPIC: inventoryTopic,
    };
    adapter = await startService('wms-adapter', {
      ...shared,
      FERRY_DB_SCHEMA: sinkDatabase.schema,
      FERRY_WMS_URL: wms.url,
      FERRY_PURCHASE_ORDER_TOPIC: purchaseOrderTopic,
      FERRY_WMS_SINK_GROUP: sinkGroup,
    });
    projector = await startService('inventory-projector', {
      ...shared,
      FERRY_DB_SCHEMA: projectorDatabase.schema,
      FERRY_CONSUMER_GROUP: projectorGroup,
    });
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'golden-signals-test',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    // The ERP's side, played by the test: the sink's topic exists (the adapter made it).
    purchaseOrders = runtime.publisher({
      topic: purchaseOrderTopic,
      subject: valueSubject(purchaseOrderTopic),
      contract: PurchaseOrderStateContract,
      originSystem: 'erp',
    });
    await purchaseOrders.connect();
  }, 180_000);

  afterAll(async () => {
    await purchaseOrders.disconnect();
    await Promise.all([adapter.stop(), projector.stop()]);
    await wms.stop();
    await Promise.all([projectorDatabase.drop(), sinkDatabase.drop()]);
  });

  it('counts HTTP requests, publishes, applies, event ages and WMS calls as they happened', async () => {
    const recordedAt = new Date(Date.now() - DELAY_SECONDS * 1000).toISOString();
    const snapshot = (sku: string) => ({ sku, location: 'WH1', onHand: 5, version: 1, recordedAt });
    // Three single snapshots and one batch of four: four publish calls, seven events.
    for (const sku of ['SKU-A', 'SKU-B', 'SKU-C'])
      expect((await post('/v1/inventory-levels', snapshot(sku))).status).toBe(202);
    const batch = { snapshots: ['SKU-D', 'SKU-E', 'SKU-F', 'SKU-G'].map(snapshot) };
    expect((await post('/v1/inventory-levels', batch)).status).toBe(202);
    // Refused by the ingress guard before routing, and a path the service does not have.
    expect((await post('/v1/inventory-levels', snapshot('SKU-X'), false)).status).toBe(401);
    expect((await post('/v1/no-such-thing/42', {})).status).toBe(404);
    // Two purchase orders for the sink, published 20 s after the ERP recorded them.
    const poOccurredAt = Date.now() - 20_000;
    await purchaseOrders.publish([
      purchaseOrder(uniqueName('po'), poOccurredAt),
      purchaseOrder(uniqueName('po'), poOccurredAt),
    ]);

    const adapterText = await readMetrics(adapter.url);
    const intake = { route: '/v1/inventory-levels', method: 'POST' };
    expect(
      sampleValue(adapterText, 'ferry_http_requests_total', { ...intake, status_class: '2xx' }),
    ).toBe(4);
    expect(
      sampleValue(adapterText, 'ferry_http_requests_total', { ...intake, status_class: '4xx' }),
    ).toBe(1);
    expect(
      sampleValue(adapterText, 'ferry_http_requests_total', {
        route: 'other',
        method: 'POST',
        status_class: '4xx',
      }),
    ).toBe(1);
    const http = 'ferry_http_request_duration_seconds';
    expect(sampleValue(adapterText, `${http}_count`, { ...intake, status_class: '2xx' })).toBe(4);
    expect(
      sampleValue(adapterText, `${http}_sum`, { ...intake, status_class: '2xx' }),
    ).toBeGreaterThan(0);
    // Health checks and scrapes are not business requests.
    expect(adapterText).not.toMatch(/ferry_http_requests_total\{route="\/(health|metrics)/);

    const onInventory = { topic: inventoryTopic };
    expect(sampleValue(adapterText, 'ferry_published_events_total', onInventory)).toBe(7);
    expect(sampleValue(adapterText, 'ferry_publish_duration_seconds_count', onInventory)).toBe(4);
    expect(
      sampleValue(adapterText, 'ferry_publish_duration_seconds_sum', onInventory),
    ).toBeGreaterThan(0);
    expect(sampleValue(adapterText, 'ferry_publish_failures_total', onInventory)).toBe(0);

    const projected = { group: projectorGroup, topic: inventoryTopic };
    // Ages are observed as each transaction commits, outcomes and slices once its offsets are.
    const projectorText = await waitFor('the projector to apply all seven events', async () => {
      const text = await readMetrics(projector.url);
      const aged = sampleValue(text, 'ferry_event_age_at_apply_seconds_count', projected);
      const taken = sampleValue(text, 'ferry_consumer_batch_size_sum', projected);
      return aged >= 7 && taken >= 7 ? text : undefined;
    });
    expect(
      sampleValue(projectorText, 'ferry_consumer_events_total', {
        ...projected,
        outcome: 'applied',
      }),
    ).toBe(7);
    expect(sampleValue(projectorText, 'ferry_event_age_at_apply_seconds_count', projected)).toBe(7);
    const ageSum = sampleValue(projectorText, 'ferry_event_age_at_apply_seconds_sum', projected);
    expect(ageSum).toBeGreaterThanOrEqual(7 * DELAY_SECONDS);
    expect(
      sampleValue(projectorText, 'ferry_event_age_at_apply_seconds_bucket', {
        ...projected,
        le: '10',
      }),
    ).toBe(0);
    // Every record is taken in exactly one slice: the sizes add up to the events sent.
    expect(sampleValue(projectorText, 'ferry_consumer_batch_size_sum', projected)).toBe(7);
    const slices = sampleValue(projectorText, 'ferry_consumer_batch_size_count', projected);
    expect(slices).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(projectorText, 'ferry_consumer_apply_duration_seconds_count', projected),
    ).toBe(slices);
    expect(
      sampleValue(projectorText, 'ferry_consumer_apply_duration_seconds_sum', projected),
    ).toBeGreaterThan(0);

    const put = { system: 'wms', operation: 'expected-receipt.put' };
    const sunk = { group: sinkGroup, topic: purchaseOrderTopic };
    const sinkText = await waitFor('the sink to put both expected receipts', async () => {
      const text = await readMetrics(adapter.url);
      const puts = sampleValue(text, 'ferry_downstream_call_duration_seconds_count', put);
      const aged = sampleValue(text, 'ferry_event_age_at_apply_seconds_count', sunk);
      return puts >= 2 && aged >= 2 ? text : undefined;
    });
    const downstream = 'ferry_downstream_call_duration_seconds';
    expect(sampleValue(sinkText, `${downstream}_count`, { ...put, outcome: 'ok' })).toBe(2);
    expect(sampleValue(sinkText, `${downstream}_sum`, { ...put, outcome: 'ok' })).toBeGreaterThan(
      0,
    );
    expect(sampleValue(sinkText, 'ferry_downstream_call_failures_total', put)).toBe(0);
    expect(sampleValue(sinkText, 'ferry_event_age_at_apply_seconds_count', sunk)).toBe(2);
    expect(
      sampleValue(sinkText, 'ferry_event_age_at_apply_seconds_sum', sunk),
    ).toBeGreaterThanOrEqual(2 * 20);

    for (const text of [sinkText, projectorText]) {
      expect(sampleValue(text, 'ferry_health_live')).toBe(1);
      expect(sampleValue(text, 'ferry_health_ready')).toBe(1);
    }
  });
});
