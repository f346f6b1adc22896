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
 * Shipment status updates that reach Ferry out of order, duplicated and in batches, from the WMS
 * adapter through Kafka to the shipment projection: the final status is the latest one in the
 * progression, never an older one that happened to arrive last.
 */
describe('shipment status from WMS updates to Postgres', () => {
  const env = testEnvironment();
  const topic = uniqueName('shipment_status');
  const group = uniqueName('shipments');
  let database: IsolatedDatabase;
  let adapter: RunningService;
  let projector: RunningService;

  const post = async (body: unknown) => {
    const response = await fetch(`${adapter.url}/v1/shipment-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
  };

  const handled = async () => {
    expect(await shipment('SH-3')).toEqual({
      status: 'DELIVERED',
      status_at: new Date('2026-11-22T16:00:00Z'),
    });
    const text = await readMetrics(projector.url);
    return ['applied', 'superseded', 'stale', 'duplicate']
      .map((outcome) => sampleValue(text, 'ferry_consumer_events_total', { group, outcome }))
      .reduce((sum, n) => sum + n, 0);
  };

  const shipment = async (id: string) => {
    const { rows } = await database.db.query<{ status: string; status_at: Date }>(
      'SELECT status, status_at FROM shipments WHERE shipment_id = $1',
      [id],
    );
    return rows[0];
  };

  const update = (shipmentId: string, status: string, statusAt: string) => ({
    shipmentId,
    orderId: `SO-${shipmentId}`,
    status,
    carrier: 'DHL',
    statusAt,
  });

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'e2e_shipments');
    const shared = {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_SHIPMENT_STATUS_TOPIC: topic,
    };
    adapter = await startService('wms-adapter', shared);
    projector = await startService('shipment-projector', {
      ...shared,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      FERRY_CONSUMER_GROUP: group,
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([adapter.stop(), projector.stop()]);
    await database.drop();
  });

  it('ends at the latest status whatever order the updates arrive in', async () => {
    // Newest first, one duplicate, then the older ones in separate requests (separate batches).
    await post(update('SH-1', 'DELIVERED', '2026-11-20T16:00:00Z'));
    await post(update('SH-1', 'DELIVERED', '2026-11-20T16:00:00Z'));
    await post({
      updates: [
        update('SH-1', 'OUT_FOR_DELIVERY', '2026-11-20T08:00:00Z'),
        update('SH-1', 'SHIPPED', '2026-11-19T10:00:00Z'),
      ],
    });
    await post(update('SH-1', 'IN_TRANSIT', '2026-11-19T18:00:00Z'));
    // Two updates of one status: the later time wins even when it arrives first.
    await post(update('SH-2', 'IN_TRANSIT', '2026-11-21T12:00:00Z'));
    await post(update('SH-2', 'IN_TRANSIT', '2026-11-21T09:00:00Z'));
    await post(update('SH-2', 'PACKED', '2026-11-21T07:00:00Z'));
    // A carrier scan stamped after the delivery does not move a delivered shipment back.
    await post(update('SH-3', 'DELIVERED', '2026-11-22T16:00:00Z'));
    await post(update('SH-3', 'IN_TRANSIT', '2026-11-22T16:05:00Z'));

    await waitFor('all 10 deliveries to be handled', async () =>
      (await handled()) >= 10 ? true : undefined,
    );
    expect(await shipment('SH-1')).toEqual({
      status: 'DELIVERED',
      status_at: new Date('2026-11-20T16:00:00Z'),
    });
    expect(await shipment('SH-2')).toEqual({
      status: 'IN_TRANSIT',
      status_at: new Date('2026-11-21T12:00:00Z'),
    });
    expect(await shipment('SH-3')).toEqual({
      status: 'DELIVERED',
      status_at: new Date('2026-11-22T16:00:00Z'),
    });
    const text = await readMetrics(projector.url);
    expect(sampleValue(text, 'ferry_consumer_events_total', { group, outcome: 'duplicate' })).toBe(
      1,
    );
  });
});
