import { KafkaRuntime, readTopic } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import {
  localAuthorization,
  startService,
  testEnvironment,
  uniqueName,
  type RunningService,
} from '@ferry/test-support';

/*
 * The WMS adapter as a process of its own on real Kafka and the registry: input its events cannot
 * carry (U+0000, which Postgres refuses; a lone surrogate, which UTF-8 cannot encode; integers an
 * Avro long does not hold) is refused with the endpoint's documented 400 naming the field, and
 * nothing of the request reaches Kafka, a valid item of the same batch included.
 */
describe('WMS adapter: input its events cannot carry', () => {
  const env = testEnvironment();
  const topics = {
    inventory: uniqueName('wms_limits_inventory'),
    receipts: uniqueName('wms_limits_receipts'),
    shipments: uniqueName('wms_limits_shipments'),
  };
  type Stream = keyof typeof topics;
  const paths: Record<Stream, string> = {
    inventory: '/v1/inventory-levels',
    receipts: '/v1/goods-receipts',
    shipments: '/v1/shipment-status',
  };
  /** Keys of what each topic must hold: the markers, nothing else. */
  const markers: Record<Stream, string[]> = { inventory: [], receipts: [], shipments: [] };
  let runtime: KafkaRuntime;
  let adapter: RunningService;

  const post = async (stream: Stream, body: unknown) =>
    fetch(`${adapter.url}${paths[stream]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
      body: JSON.stringify(body),
    });

  const snapshot = (sku: string) => ({ sku, location: 'WH1', onHand: 5, version: 1 });
  const receipt = (receiptId: string) => ({
    receiptId,
    purchaseOrderId: 'PO-1',
    warehouse: 'WH1',
    lines: [{ sku: 'SKU-1', quantity: 4, location: 'WH1/Stock' }],
    receivedAt: '2026-11-20T10:00:00Z',
  });
  const shipment = (shipmentId: string) => ({
    shipmentId,
    orderId: 'SO-1',
    status: 'SHIPPED',
    statusAt: '2026-11-20T10:00:00Z',
  });

  /** Answers 400 with `error` and a problem naming `field`. */
  const expectRefused = async (response: Response, error: string, problem: RegExp) => {
    const body = (await response.json()) as { error: string; problems?: string[] };
    expect([response.status, body.error]).toEqual([400, error]);
    expect(body.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  };

  /**
   * Publishes a valid item after the refused ones and reads the one-partition topic up to it:
   * whatever a refused request published would stand before the marker, so the topic holding
   * exactly the markers proves that nothing else reached it.
   */
  const expectOnlyMarkers = async (stream: Stream, marker: unknown, key: string) => {
    const answer = await post(stream, marker);
    expect(answer.status).toBe(202);
    markers[stream].push(key);
    const records = await readTopic(runtime, topics[stream], markers[stream].length, 30_000);
    expect(records.map((record) => record.key)).toEqual(markers[stream]);
  };

  beforeAll(async () => {
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'wms-limits-test',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    // One partition each, so that a marker read means everything before it was read.
    await runtime.ensureTopics(Object.values(topics).map((name) => ({ name, partitions: 1 })));
    adapter = await startService('wms-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: topics.inventory,
      FERRY_GOODS_RECEIPT_TOPIC: topics.receipts,
      FERRY_SHIPMENT_STATUS_TOPIC: topics.shipments,
    });
  }, 120_000);

  afterAll(async () => {
    await adapter.stop();
  });

  it('refuses U+0000 in sku, location, unit and binCode with 400 invalid_snapshot, publishing nothing', async () => {
    for (const field of ['sku', 'location', 'unit', 'binCode']) {
      const response = await post('inventory', { ...snapshot('NUL-1'), [field]: 'A\u0000B' });
      await expectRefused(response, 'invalid_snapshot', new RegExp(`^${field}: .*U\\+0000`));
    }
    await expectOnlyMarkers('inventory', snapshot('MARK-1'), 'MARK-1@WH1');
  });

  it('refuses a whole batch when one snapshot holds a lone surrogate', async () => {
    const batch = { snapshots: [snapshot('GOOD-1'), snapshot('BAD-\ud800')] };
    await expectRefused(
      await post('inventory', batch),
      'invalid_snapshot',
      /^snapshots\[1\]\.sku: must be well-formed Unicode/,
    );
    await expectOnlyMarkers('inventory', snapshot('MARK-2'), 'MARK-2@WH1');
  });

  it('refuses integers an Avro long does not hold with 400, not 500', async () => {
    for (const field of ['version', 'onHand', 'available']) {
      const response = await post('inventory', {
        ...snapshot('BIG-1'),
        [field]: Number.MAX_SAFE_INTEGER,
      });
      await expectRefused(response, 'invalid_snapshot', new RegExp(`^${field}: must be at most`));
    }
    await expectOnlyMarkers('inventory', snapshot('MARK-3'), 'MARK-3@WH1');
  });

  it('refuses goods receipts with unstorable text or too large quantities', async () => {
    const withLine = (line: object) => ({
      ...receipt('GR-BAD'),
      lines: [{ ...receipt('GR-BAD').lines[0], ...line }],
    });
    await expectRefused(
      await post('receipts', withLine({ sku: 'SKU\u0000' })),
      'invalid_goods_receipt',
      /^lines\[0\]\.sku: .*U\+0000/,
    );
    await expectRefused(
      await post('receipts', {
        receipts: [receipt('GR-OK'), { ...receipt('GR-X'), warehouse: '\udc00' }],
      }),
      'invalid_goods_receipt',
      /^receipts\[1\]\.warehouse: must be well-formed Unicode/,
    );
    await expectRefused(
      await post('receipts', withLine({ quantity: Number.MAX_SAFE_INTEGER })),
      'invalid_goods_receipt',
      /^lines\[0\]\.quantity: must be at most/,
    );
    await expectOnlyMarkers('receipts', receipt('GR-MARK'), 'GR-MARK');
  });

  it('refuses shipment updates with unstorable text or a time outside the version range', async () => {
    await expectRefused(
      await post('shipments', { ...shipment('SH-BAD'), carrier: 'DHL\u0000' }),
      'invalid_shipment_update',
      /^carrier: .*U\+0000/,
    );
    await expectRefused(
      await post('shipments', { ...shipment('SH-OLD'), statusAt: '1600-01-01T00:00:00Z' }),
      'invalid_shipment_update',
      /^statusAt: /,
    );
    await expectOnlyMarkers('shipments', shipment('SH-MARK'), 'SH-MARK');
  });

  it('answers a body that is not JSON with the documented 400 malformed_json', async () => {
    const response = await fetch(`${adapter.url}${paths.inventory}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
      body: '{"sku":',
    });
    expect([response.status, await response.json()]).toEqual([
      400,
      { error: 'malformed_json', message: 'Request body is not valid JSON' },
    ]);
  });
});
