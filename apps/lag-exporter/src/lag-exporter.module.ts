import {
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { LagMonitor } from '@ferry/kafka-runtime';
import { jsonLogger } from '@ferry/observability';
import { openDatabase, type Database } from '@ferry/persistence';
import { ServiceHealth, ServiceHostModule } from '@ferry/service-host';
import type { LagExporterConfig } from './config';
import { catalogGroups } from './catalog-groups';

/** The health component of the lag polls. */
const COMPONENT = 'consumer-group-lag';

/** Polls Kafka for as long as the service runs and tells readiness how fresh the last read is. */
class LagExporterHost implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly monitor: LagMonitor,
    health: ServiceHealth,
    private readonly database: Database | undefined,
  ) {
    health.watch(COMPONENT, () => monitor.health());
  }

  onApplicationBootstrap(): void {
    this.monitor.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.monitor.stop();
    await this.database?.close();
  }
}

@Module({})
export class LagExporterModule {
  static withConfig(config: LagExporterConfig): DynamicModule {
    return {
      module: LagExporterModule,
      imports: [ServiceHostModule],
      providers: [
        {
          provide: LagExporterHost,
          inject: [ServiceHealth],
          useFactory: (health: ServiceHealth) => {
            const database =
              config.databaseUrl === ''
                ? undefined
                : openDatabase({
                    url: config.databaseUrl,
                    maxConnections: 2,
                    applicationName: 'ferry-lag-exporter',
                  });
            const monitor = new LagMonitor({
              connection: config,
              logger: jsonLogger('lag-exporter'),
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
            return new LagExporterHost(monitor, health, database);
          },
        },
      ],
    };
  }
}
