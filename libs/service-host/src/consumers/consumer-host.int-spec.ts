import { KafkaRuntime, type ConsumerProgress } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { applyMigrations, persistenceMigrations } from '@ferry/persistence';
import {
  isolatedDatabase,
  testEnvironment,
  waitFor,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { ServiceHealth } from '../service-health';
import type { HostedConsumer } from './consumer-declaration';
import { ConsumerHost, type HostConfig } from './consumer-host';

/*
 * What the host gives every consumer, whatever it is: the purge of its dedup rows and the health
 * bounds of the service's configuration. The consumers here are our own stand-ins behind the
 * host's seam (`HostedConsumer.open`), so that progress can be set; Postgres is real.
 */

const config: HostConfig = {
  maxBatchSize: 100,
  maxBytesPerPartition: 1_048_576,
  sessionTimeoutMs: 6000,
  partitionsConcurrently: 1,
  retryDelaysMs: [1000],
  createTopics: false,
  dedupRetentionMs: 3_600_000,
  stallAfterMs: 5000,
  notMemberAfterMs: 60_000,
  unknownSchemaHoldMs: 0,
};

function standIn(name: string, progress: () => ConsumerProgress): HostedConsumer {
  return {
    name,
    spec: {
      name: 'ferry.test',
      entity: 'inventoryLevel',
      eventType: 'InventoryLevelSet',
      schemaFolder: 'inventory-levels',
      key: 'sku@location',
      partitions: 1,
      compatibility: 'FULL_TRANSITIVE',
      config: {},
    },
    binding: { topic: 'ferry.test', groupId: name },
    ordering: 'version-guarded',
    open: () => ({ start: () => Promise.resolve(), stop: () => Promise.resolve(), progress }),
  };
}

const caughtUp = (lastProgressAt: number, lag: number): ConsumerProgress => ({
  lastProgressAt,
  lag,
  held: 0,
  restarts: 0,
  membership: { member: true, since: 0 },
});

describe('ConsumerHost (real Postgres)', () => {
  const env = testEnvironment();
  const runtime = new KafkaRuntime({
    connection: {
      brokers: env.kafkaBrokers,
      clientId: 'host-test',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
    },
    schemaRegistryUrl: env.schemaRegistryUrl,
    logger: silentLogger,
  });
  let database: IsolatedDatabase;
  const hosts: ConsumerHost[] = [];

  const host = (consumers: HostedConsumer[], health = new ServiceHealth()) => {
    const started = new ConsumerHost(consumers, config, runtime, database.db, health, silentLogger);
    hosts.push(started);
    return started;
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'host');
    await applyMigrations(database.db, [persistenceMigrations], database.schema);
  });

  afterAll(async () => {
    for (const started of hosts) await started.onModuleDestroy();
    await database.drop();
  });

  it('purges processed event ids older than FERRY_DEDUP_RETENTION_MS at start', async () => {
    await database.db.query(
      `INSERT INTO ferry_processed_events (consumer_group, event_id, processed_at) VALUES
         ('g', '00000000-0000-5000-8000-000000000001', now() - interval '2 hours'),
         ('g', '00000000-0000-5000-8000-000000000002', now())`,
    );
    await host([standIn('purging', () => caughtUp(Date.now(), 0))]).onApplicationBootstrap();
    const ids = async () =>
      (
        await database.db.query<{ event_id: string }>(
          "SELECT event_id FROM ferry_processed_events WHERE consumer_group = 'g'",
        )
      ).rows.map((row) => row.event_id);
    await waitFor('the old id to be purged', async () =>
      (await ids()).length === 1 ? true : undefined,
    );
    expect(await ids()).toEqual(['00000000-0000-5000-8000-000000000002']);
  });

  it('reports a consumer with lag and no progress for FERRY_STALL_AFTER_MS as not live', async () => {
    const health = new ServiceHealth();
    let idleMs = 1000;
    await host(
      [standIn('stalling', () => caughtUp(Date.now() - idleMs, 40))],
      health,
    ).onApplicationBootstrap();
    expect(health.report()).toMatchObject({ live: true, ready: true });
    idleMs = config.stallAfterMs + 1000;
    expect(health.report()).toMatchObject({
      live: false,
      ready: false,
      components: {
        stalling: { detail: expect.stringContaining('40 records waiting') as unknown },
      },
    });
  });

  it('refuses a pool that the consumers’ transactions could use up', () => {
    const plain = standIn('projection', () => caughtUp(0, 0));
    const perKey = { ...plain, ordering: 'per-key' as const };
    // 10 connections: 4 per-key consumers at 1 partition (2 each) and a plain one hold up to 9,
    // and one stays free.
    expect(() => host([perKey, perKey, perKey, perKey, plain])).not.toThrow();
    expect(() => host([perKey, perKey, perKey, perKey, perKey])).toThrow(
      /FERRY_DB_POOL_SIZE=10 is too small: 5 consumer\(s\) at FERRY_PARTITIONS_CONCURRENTLY=1 may hold 10 transactions at once; set FERRY_DB_POOL_SIZE to at least 11/,
    );
  });
});
