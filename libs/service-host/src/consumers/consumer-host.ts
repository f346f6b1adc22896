import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigError } from '@ferry/config';
import { topicDeclarations } from '@ferry/contracts';
import { consumerHealth, type KafkaRuntime } from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import { purgeProcessedEvents, type Database } from '@ferry/persistence';
import { PurgeSchedule } from '../database/purge-schedule';
import type { ServiceHealth } from '../service-health';
import type { HostedConsumer, RunningConsumer } from './consumer-declaration';
import type { ConsumerConfig } from './consumer-options';

/** The consumers' options and whether the service creates its topics. */
export type HostConfig = ConsumerConfig & { readonly createTopics: boolean };

/**
 * Connections kept free of consumer transactions: a sink writes its integration log, and an
 * intake its own rows, beside the transactions the consumers hold open.
 */
const FREE_CONNECTIONS = 1;

/**
 * Pure: the transactions a service's consumers may hold open at once — one per partition each
 * applies in parallel, and one more for a per-key consumer's release of parked keys — and the
 * configuration error when the pool cannot take them (a consumer waiting for a connection that a
 * transaction waiting on it holds would never finish).
 */
export function poolShortage(
  consumers: readonly Pick<HostedConsumer, 'ordering'>[],
  partitionsConcurrently: number,
  poolSize: number,
): ConfigError | undefined {
  const held = consumers.reduce(
    (sum, consumer) => sum + partitionsConcurrently + (consumer.ordering === 'per-key' ? 1 : 0),
    0,
  );
  if (held + FREE_CONNECTIONS <= poolSize) return undefined;
  return new ConfigError([
    `FERRY_DB_POOL_SIZE=${poolSize} is too small: ${consumers.length} consumer(s) at ` +
      `FERRY_PARTITIONS_CONCURRENTLY=${partitionsConcurrently} may hold ${held} transactions at ` +
      `once; set FERRY_DB_POOL_SIZE to at least ${held + FREE_CONNECTIONS}`,
  ]);
}

/**
 * The one host of every consumer a service runs, projections and sinks alike: its topics (with
 * retry and dead-letter tiers) created at start where allowed, each consumer started and
 * watched for liveness and readiness within the configured bounds, the dedup rows older than
 * their retention purged at start and hourly, and a graceful stop (the current slices finish and
 * commit, the groups are left) before the pool closes.
 */
export class ConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly running: {
    readonly hosted: HostedConsumer;
    readonly consumer: RunningConsumer;
  }[];
  private readonly purge: PurgeSchedule;

  constructor(
    private readonly consumers: readonly HostedConsumer[],
    private readonly config: HostConfig,
    private readonly runtime: KafkaRuntime,
    private readonly database: Database,
    private readonly health: ServiceHealth,
    private readonly logger: Logger,
  ) {
    const shortage = poolShortage(consumers, config.partitionsConcurrently, database.poolSize);
    if (shortage !== undefined) throw shortage;
    this.running = consumers.map((hosted) => {
      health.expect(hosted.name);
      return {
        hosted,
        consumer: hosted.open(runtime, {
          database,
          maxBatchSize: config.maxBatchSize,
          maxBytesPerPartition: config.maxBytesPerPartition,
          sessionTimeoutMs: config.sessionTimeoutMs,
          unknownSchemaHoldMs: config.unknownSchemaHoldMs,
          partitionsConsumedConcurrently: config.partitionsConcurrently,
          retry: { delaysMs: config.retryDelaysMs },
        }),
      };
    });
    this.purge = new PurgeSchedule(
      async () => ({
        processedEvents: await database.transaction((tx) =>
          purgeProcessedEvents(tx, config.dedupRetentionMs),
        ),
      }),
      logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.createTopics)
      await this.runtime.ensureTopics(
        this.consumers.flatMap(({ spec, binding }) =>
          topicDeclarations(spec, binding.topic, this.config.retryDelaysMs),
        ),
      );
    for (const { hosted, consumer } of this.running) {
      await consumer.start();
      this.health.watch(hosted.name, () =>
        consumerHealth(consumer.progress(), Date.now(), this.config),
      );
      this.logger.info('consumer started', { consumer: hosted.name, ...hosted.binding });
    }
    this.purge.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.purge.stop();
    for (const { hosted, consumer } of this.running) {
      this.health.markNotReady(hosted.name, 'stopping');
      await consumer.stop();
    }
  }
}
