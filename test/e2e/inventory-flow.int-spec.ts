import { join } from 'node:path';
import { deriveEventId, SCHEMAS_ROOT, valueSubject } from '@ferry/contracts';
import {
  isolatedDatabase,
  localAuthorization,
  readMetrics,
  sampleValue,
  startService,
  temporaryRoles,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
  type RunningService,
  type TemporaryRoles,
} from '@ferry/test-support';
import { produceWithJavaClient } from '../support/java-clients';

/*
 * The walking skeleton, end to end on the real services: the WMS adapter and the inventory
 * projector run as their own processes (the built artefacts), on a topic, consumer group and
 * database schema of this test alone. As in production, the projector's schema is made by its
 * migrate step with a migrate role, and the projector runs with a role of its own that may only
 * read and write rows.
 */
describe('inventory levels from WMS snapshot to Postgres', () => {
  const env = testEnvironment();
  const topic = uniqueName('inventory_levels');
  const group = uniqueName('projector');
  let database: IsolatedDatabase;
  let dbRoles: TemporaryRoles<'migrate' | 'projector'>;
  let adapter: RunningService;
  let projector: RunningService;

  const post = async (body: unknown) =>
    fetch(`${adapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
      body: JSON.stringify(body),
    });

  const row = async (sku: string, location: string) => {
    const { rows } = await database.db.query<{ on_hand: string; source_version: string }>(
      'SELECT on_hand, source_version FROM inventory_levels WHERE sku = $1 AND location = $2',
      [sku, location],
    );
    return rows[0]
      ? { onHand: Number(rows[0].on_hand), version: Number(rows[0].source_version) }
      : undefined;
  };

  const outcomes = async () => {
    const text = await readMetrics(projector.url);
    const count = (outcome: string) =>
      sampleValue(text, 'ferry_consumer_events_total', { group, outcome });
    return { applied: count('applied'), duplicate: count('duplicate'), stale: count('stale') };
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'e2e_inventory');
    dbRoles = await temporaryRoles(env.databaseUrl, {
      migrate: { login: true, createsSchemas: true },
      projector: { login: true },
    });
    const shared = {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: topic,
    };
    adapter = await startService('wms-adapter', shared);
    projector = await startService(
      'inventory-projector',
      {
        ...shared,
        DATABASE_URL: dbRoles.roles.projector.url,
        FERRY_DB_SCHEMA: database.schema,
        FERRY_CONSUMER_GROUP: group,
      },
      {
        migrate: {
          DATABASE_URL: dbRoles.roles.migrate.url,
          FERRY_DB_RUNTIME_ROLE: dbRoles.roles.projector.name,
        },
      },
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([adapter.stop(), projector.stop()]);
    await database.drop();
    await dbRoles.drop();
  });

  it('runs the projector as its runtime role, which may not change the schema', async () => {
    // Projectors of other tests share the server (as postgres): this one's connections are the
    // ones of its role, which nothing else logs in as.
    const { rows } = await database.db.query<{ role: string }>(
      "SELECT DISTINCT usename AS role FROM pg_stat_activity WHERE application_name = 'inventory-projector'",
    );
    expect(rows).toContainEqual({ role: dbRoles.roles.projector.name });
    const { rows: rights } = await database.db.query<{ creates: boolean; owns: boolean }>(
      `SELECT has_schema_privilege($1, $2, 'CREATE') AS creates,
              pg_get_userbyid(nspowner) = $1 AS owns
       FROM pg_namespace WHERE nspname = $2`,
      [dbRoles.roles.projector.name, database.schema],
    );
    expect(rights).toEqual([{ creates: false, owns: false }]);
  });

  it('refuses to start on a schema its migrate step has not brought up to date', async () => {
    const unmigrated = uniqueName('e2e_unmigrated');
    const refusal = startService(
      'inventory-projector',
      {
        DATABASE_URL: dbRoles.roles.projector.url,
        FERRY_DB_SCHEMA: unmigrated,
        FERRY_CONSUMER_GROUP: uniqueName('refused'),
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      },
      { migrate: false },
    );
    await expect(refusal).rejects.toThrow(
      new RegExp(
        `exited with code 1: [^]*inventory-projector will not start: schema ${unmigrated} lacks 8 ` +
          'migration\\(s\\): ferry/001_processed_events, .*inventory-projector/003_inventory_levels_fillfactor; ' +
          'run the migrate step first, with the migrate role: `node apps/inventory-projector/dist/main.js migrate`',
      ),
    );
  });

  it('applies a snapshot posted twice once, and counts the second as a duplicate', async () => {
    const snapshot = { sku: 'SKU-DUP', location: 'WH1', onHand: 42, reserved: 2, version: 3 };
    const first = await post(snapshot);
    const second = await post(snapshot);
    expect([first.status, second.status]).toEqual([202, 202]);
    const firstBody = (await first.json()) as { events: { eventId: string }[] };
    const secondBody = (await second.json()) as { events: { eventId: string }[] };
    expect(secondBody.events[0]?.eventId).toBe(firstBody.events[0]?.eventId);
    expect(firstBody.events[0]?.eventId).toBe(deriveEventId('wms', 'SKU-DUP@WH1', 3));

    await waitFor('both deliveries to be handled', async () =>
      (await outcomes()).duplicate >= 1 ? true : undefined,
    );
    expect(await row('SKU-DUP', 'WH1')).toEqual({ onHand: 42, version: 3 });
    const { rows } = await database.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM ferry_processed_events WHERE consumer_group = $1 AND event_id = $2',
      [group, firstBody.events[0]?.eventId],
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('ignores an older version that arrives after a newer one, leaving the row unchanged', async () => {
    const before = await outcomes();
    expect((await post({ sku: 'SKU-OOO', location: 'WH2', onHand: 9, version: 5 })).status).toBe(
      202,
    );
    await waitFor('version 5 to be stored', () => row('SKU-OOO', 'WH2'));
    expect((await post({ sku: 'SKU-OOO', location: 'WH2', onHand: 100, version: 4 })).status).toBe(
      202,
    );
    await waitFor('the stale event to be counted', async () =>
      (await outcomes()).stale > before.stale ? true : undefined,
    );
    expect(await row('SKU-OOO', 'WH2')).toEqual({ onHand: 9, version: 5 });
  });

  it('applies a batch with the last version winning per SKU and location', async () => {
    const snapshots = [
      { sku: 'SKU-B1', location: 'WH1', onHand: 1, version: 1 },
      { sku: 'SKU-B1', location: 'WH1', onHand: 2, version: 2 },
      { sku: 'SKU-B1', location: 'WH2', onHand: 8, version: 1 },
      { sku: 'SKU-B1', location: 'WH1', onHand: 3, version: 3 },
    ];
    const response = await post({ snapshots });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(4);
    // The two locations are two keys, possibly on two partitions: wait for both.
    await waitFor('the batch to be applied', async () =>
      (await row('SKU-B1', 'WH1'))?.version === 3 && (await row('SKU-B1', 'WH2'))
        ? true
        : undefined,
    );
    expect(await row('SKU-B1', 'WH1')).toEqual({ onHand: 3, version: 3 });
    expect(await row('SKU-B1', 'WH2')).toEqual({ onHand: 8, version: 1 });
  });

  it('answers bad input with a 4xx naming the field, and publishes nothing for it', async () => {
    const invalid = await post({
      snapshots: [
        { sku: 'SKU-BAD', location: 'WH1', onHand: 1, version: 1 },
        { sku: 'SKU-BAD', location: 'WH1', onHand: -3, version: 2 },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { problems: string[] }).problems).toEqual([
      'snapshots[1].onHand: must not be negative',
    ]);

    const malformed = await fetch(`${adapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
      body: '{"sku":',
    });
    expect(malformed.status).toBe(400);

    const oversized = await post({ snapshots: [], padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(oversized.status).toBe(413);

    // A valid snapshot for the same SKU afterwards is stored; the rejected batch left no trace.
    expect((await post({ sku: 'SKU-BAD', location: 'WH1', onHand: 7, version: 9 })).status).toBe(
      202,
    );
    await waitFor('the valid snapshot to be applied', () => row('SKU-BAD', 'WH1'));
    expect(await row('SKU-BAD', 'WH1')).toEqual({ onHand: 7, version: 9 });
  });

  it('applies an event produced by an independent (Java) client in the Confluent wire format', async () => {
    if (!env.kafkaClasspath)
      throw new Error(
        'FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it to the Kafka client jars',
      );
    const value = {
      eventId: deriveEventId('wms', 'SKU-JAVA@WH7', 11),
      entityId: 'SKU-JAVA@WH7',
      sourceSystem: 'wms',
      sourceVersion: 11,
      occurredAt: 1_700_000_000_000,
      sku: 'SKU-JAVA',
      location: 'WH7',
      onHand: 64,
      reserved: 4,
      available: 60,
      unit: 'unit',
    };
    const output = await produceWithJavaClient(
      env.kafkaClasspath,
      { bootstrap: env.kafkaBrokers.join(','), topic, key: value.entityId },
      {
        registry: env.schemaRegistryUrl,
        subject: valueSubject(topic),
        schemaFile: join(SCHEMAS_ROOT, 'inventory-levels', 'InventoryLevelSet.v1.avsc'),
        json: JSON.stringify(value),
      },
    );
    expect(output).toMatch(/schemaId=\d+/);
    await waitFor('the Java-produced event to be applied', () => row('SKU-JAVA', 'WH7'), {
      timeoutMs: 30_000,
    });
    expect(await row('SKU-JAVA', 'WH7')).toEqual({ onHand: 64, version: 11 });
  });

  it('dead-letters an undecodable message and keeps the partition flowing', async () => {
    if (!env.kafkaClasspath)
      throw new Error(
        'FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it to the Kafka client jars',
      );
    const key = 'SKU-POISON@WH1';
    await produceWithJavaClient(
      env.kafkaClasspath,
      { bootstrap: env.kafkaBrokers.join(','), topic, key },
      { rawHex: '7b226f6e48616e64223a317d' },
    );
    // Same key, so same partition, after the poison message.
    expect((await post({ sku: 'SKU-POISON', location: 'WH1', onHand: 5, version: 1 })).status).toBe(
      202,
    );
    await waitFor('the event behind the poison message to be applied', () =>
      row('SKU-POISON', 'WH1'),
    );
    const text = await readMetrics(projector.url);
    expect(sampleValue(text, 'ferry_consumer_dead_lettered_total', { group })).toBe(1);
  });
});
