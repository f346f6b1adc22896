import {
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { LagMonitor } from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import type { Database } from '@ferry/persistence';
import {
  DATABASE,
  DatabaseModule,
  LOGGER,
  ServiceHealth,
  ServiceHostModule,
} from '@ferry/service-host';
import type { LagExporterConfig } from './config';
import { catalogGroups } from './catalog-groups';

/** The health component of the lag polls. */
const COMPONENT = 'consumer-group-lag';

/** Polls Kafka for as long as the service runs and tells readiness how fresh the last read is. */
class LagExporterHost implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly monitor: LagMonitor,
    health: ServiceHealth,
  ) {
    health.watch(COMPONENT, () => monitor.health());
  }

  onApplicationBootstrap(): void {
    this.monitor.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.monitor.stop();
  }
}

@Module({})
export class LagExporterModule {
  static forRoot(config: LagExporterConfig): DynamicModule {
    const audit = config.databaseUrl !== '';
    return {
      module: LagExporterModule,
      imports: [
        ServiceHostModule.forRoot({ name: 'lag-exporter' }),
        // Reads the replay audit of other services' schemas: none of its own, no readiness on it.
        ...(audit
          ? [
              DatabaseModule.forRoot({
                name: 'ferry-lag-exporter',
                config: { databaseUrl: config.databaseUrl, databasePoolSize: 2 },
                migrations: [],
                readiness: false,
              }),
            ]
          : []),
      ],
      providers: [
        {
          provide: LagExporterHost,
          inject: [ServiceHealth, LOGGER, ...(audit ? [DATABASE] : [])],
          useFactory: (health: ServiceHealth, logger: Logger, database?: Database) => {
            const monitor = new LagMonitor({
              connection: config,
              logger,
              pollIntervalMs: config.pollIntervalMs,
              groupPrefix: config.groupPrefix,
              knownGroups: config.catalogGroups ? catalogGroups() : [],
              concurrency: config.concurrency,
              timestampTimeoutMs: config.timestampTimeoutMs,
              staleAfterMs: config.staleAfterMs,
              ...(database && {
                deadLetters: {
                  topicPrefix: config.deadLetterTopicPrefix,
                  database,
                  auditSchemas: config.auditSchemas,
                  idleTimeoutMs: config.timestampTimeoutMs,
                },
              }),
            });
            return new LagExporterHost(monitor, health);
          },
        },
      ],
    };
  }
}
