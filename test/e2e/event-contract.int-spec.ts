import { deriveEventId, FerryHeaders, valueSubject } from '@ferry/contracts';
import {
  localAuthorization,
  startService,
  testEnvironment,
  uniqueName,
  type RunningService,
} from '@ferry/test-support';
import { consumeWithJavaClient } from '../support/java-clients';

/*
 * What other systems see of Ferry's events, checked with a client that shares no code with Ferry
 * (Apache Kafka Java client + Apache Avro): the key, the envelope, the headers, and a schema that
 * the registry serves by the id in the wire-format header.
 */
describe('InventoryLevelSet as an independent consumer reads it', () => {
  const env = testEnvironment();
  const topic = uniqueName('contract_inventory');
  let adapter: RunningService;

  beforeAll(async () => {
    adapter = await startService('wms-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: topic,
    });
  }, 120_000);

  afterAll(async () => {
    await adapter.stop();
  });

  it('has the entity id as key, the documented envelope and headers, and a schema served by id', async () => {
    if (!env.kafkaClasspath)
      throw new Error('FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${adapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        authorization: await localAuthorization(),
      },
      body: JSON.stringify({
        sku: 'SKU-ENV',
        location: 'WH4',
        onHand: 12,
        reserved: 2,
        inTransit: 3,
        version: 41,
      }),
    });
    expect(response.status).toBe(202);

    const [record] = await consumeWithJavaClient(env.kafkaClasspath, {
      bootstrap: env.kafkaBrokers.join(','),
      topic,
      registry: env.schemaRegistryUrl,
      max: 1,
    });
    const eventId = deriveEventId('wms', 'SKU-ENV@WH4', 41);
    expect(record?.key).toBe('SKU-ENV@WH4');
    expect(record?.value).toMatchObject({
      eventId,
      entityId: 'SKU-ENV@WH4',
      sourceSystem: 'wms',
      sourceVersion: 41,
      sku: 'SKU-ENV',
      location: 'WH4',
      onHand: 12,
      reserved: 2,
      available: 10,
      inTransit: 3,
      binCode: null,
    });
    expect(typeof record?.value['occurredAt']).toBe('number');
    expect(record?.headers).toMatchObject({
      [FerryHeaders.eventType]: 'InventoryLevelSet',
      [FerryHeaders.originSystem]: 'wms',
      [FerryHeaders.eventId]: eventId,
    });
    expect(record?.headers[FerryHeaders.traceparent]).toMatch(
      new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`),
    );

    const latest = await fetch(
      `${env.schemaRegistryUrl}/subjects/${valueSubject(topic)}/versions/latest`,
    );
    expect(((await latest.json()) as { id: number }).id).toBe(record?.schemaId);
  });
});
