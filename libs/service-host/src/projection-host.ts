import type { OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import {
  topicDeclarations,
  type EventContract,
  type EventEnvelope,
  type TopicSpec,
} from '@ferry/contracts';
import {
  consumerHealth,
  KafkaRuntime,
  type ApplyOutcome,
  type ConsumedEvent,
  type KeyOrdering,
  type ProjectionConsumer,
} from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import { jsonLogger } from '@ferry/observability';
import {
  openDatabase,
  persistenceMigrations,
  purgeProcessedEvents,
  type Database,
  type MigrationSource,
  type Transaction,
} from '@ferry/persistence';
import type { ConfigOf } from '@ferry/config';
import type { projectionOptions } from './projection-options';
import { DatabaseWatch } from './database-watch';
import { requireMigrations } from './migrate/migrations-check';
import { ServiceHealth } from './service-health';

/** Everything a projection is: which events, from where, into which tables, by which function. */
export interface ProjectionDeclaration<T extends EventEnvelope> {
  readonly name: string;
  readonly topic: TopicSpec;
  readonly contract: EventContract<T>;
  /** The projection's own tables; Ferry's dedup table is always added. */
  readonly migrations: readonly MigrationSource[];
  /** A plain function: the runtime alone decides commit, retry or dead letter. */
  readonly apply: (tx: Transaction, events: readonly ConsumedEvent<T>[]) => Promise<ApplyOutcome>;
  /**
   * The system `apply` writes to (default `postgres`): its outage opens this consumer's circuit
   * breaker and holds its partitions instead of using up retry attempts.
   */
  readonly downstream?: string;
  /**
   * `per-key` for sinks whose writes are not guarded by a version: a key's later events wait
   * while an earlier one is in retry. Default `version-guarded`.
   */
  readonly ordering?: KeyOrdering;
}

export type ProjectionConfig = ConfigOf<ReturnType<typeof projectionOptions>>;

/** A projection's migrations: Ferry's dedup and parking tables, then its own. */
export function projectionMigrations(...own: readonly MigrationSource[]): MigrationSource[] {
  return [persistenceMigrations, ...own];
}

const PURGE_EVERY_MS = 3_600_000;

/**
 * Runs one declared projection inside a Nest service: a check of its migrations and its topics at
 * start, the
 * consumer, readiness and liveness from its progress, an hourly purge of old dedup rows, and a
 * graceful stop (the current slices finish and commit, the group is left).
 */
class ProjectionHost<T extends EventEnvelope> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly database: Database;
  private readonly consumer: ProjectionConsumer<T>;
  private readonly databaseWatch: DatabaseWatch;
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly declaration: ProjectionDeclaration<T>,
    private readonly config: ProjectionConfig,
    private readonly runtime: KafkaRuntime,
    private readonly health: ServiceHealth,
    private readonly logger: Logger,
  ) {
    this.database = openDatabase({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      applicationName: declaration.name,
      timeouts: config,
    });
    this.consumer = runtime.projection({
      groupId: config.groupId,
      topic: config.topic,
      contract: declaration.contract,
      database: this.database,
      apply: declaration.apply,
      maxBatchSize: config.maxBatchSize,
      maxBytesPerPartition: config.maxBytesPerPartition,
      sessionTimeoutMs: config.sessionTimeoutMs,
      unknownSchemaHoldMs: config.unknownSchemaHoldMs,
      partitionsConsumedConcurrently: config.partitionsConcurrently,
      retry: { delaysMs: config.retryDelaysMs },
      downstream: declaration.downstream ?? 'postgres',
      ordering: declaration.ordering ?? 'version-guarded',
    });
    health.expect(declaration.name);
    this.databaseWatch = new DatabaseWatch(this.database, health, `${declaration.name}.postgres`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await requireMigrations(this.database, {
      service: this.declaration.name,
      schema: this.config.databaseSchema,
      sources: projectionMigrations(...this.declaration.migrations),
    });
    await this.databaseWatch.start();
    if (this.config.createTopics) {
      await this.runtime.ensureTopics(
        topicDeclarations(this.declaration.topic, this.config.topic, this.config.retryDelaysMs),
      );
    }
    await this.consumer.start();
    this.health.watch(this.declaration.name, () =>
      consumerHealth(this.consumer.progress(), Date.now(), this.config),
    );
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    this.health.markNotReady(this.declaration.name, 'stopping');
    this.databaseWatch.stop();
    await this.consumer.stop();
    await this.database.close();
  }

  private async purge(): Promise<void> {
    try {
      const purged = await this.database.transaction((tx) =>
        purgeProcessedEvents(tx, this.config.dedupRetentionMs),
      );
      if (purged > 0)
        this.logger.info('purged processed event ids', {
          purged,
          retentionMs: this.config.dedupRetentionMs,
        });
    } catch (error: unknown) {
      this.logger.warn('purging processed event ids failed; will try again', { error });
    }
  }
}

/** The Nest provider that runs `declaration` with `config`. */
export function projectionProvider<T extends EventEnvelope>(
  declaration: ProjectionDeclaration<T>,
  config: ProjectionConfig,
): Provider {
  return {
    provide: `ferry.projection.${declaration.name}`,
    inject: [KafkaRuntime, ServiceHealth],
    useFactory: (runtime: KafkaRuntime, health: ServiceHealth) =>
      new ProjectionHost(declaration, config, runtime, health, jsonLogger(declaration.name)),
  };
}
