import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
} from '@nestjs/common';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import type { Database } from '@ferry/persistence';
import { DATABASE } from '../database/database.module';
import { LOGGER } from '../logging/logger';
import { ServiceHealth } from '../service-health';
import type { HostedConsumer } from './consumer-declaration';
import { ConsumerHost, type HostConfig } from './consumer-host';

export interface ConsumersAsyncOptions {
  readonly config: HostConfig;
  readonly imports?: ModuleMetadata['imports'];
  /** What the declarations are built from (an ERP client, the integration log). */
  readonly inject: readonly InjectionToken[];
  readonly useFactory: (...deps: never[]) => readonly HostedConsumer[];
}

/**
 * The service's consumers, hosted by one ConsumerHost on the service's KafkaRuntime (KafkaModule)
 * and pool (DatabaseModule). `register` for declarations that need nothing from the module,
 * `registerAsync` for those built from its providers.
 */
@Module({})
export class ConsumersModule {
  static register(options: {
    readonly config: HostConfig;
    readonly consumers: readonly HostedConsumer[];
  }): DynamicModule {
    return ConsumersModule.registerAsync({
      config: options.config,
      inject: [],
      useFactory: () => options.consumers,
    });
  }

  static registerAsync(options: ConsumersAsyncOptions): DynamicModule {
    return {
      module: ConsumersModule,
      imports: [...(options.imports ?? [])],
      providers: [
        {
          provide: ConsumerHost,
          inject: [KafkaRuntime, DATABASE, ServiceHealth, LOGGER, ...options.inject],
          useFactory: (
            runtime: KafkaRuntime,
            database: Database,
            health: ServiceHealth,
            logger: Logger,
            ...deps: never[]
          ) =>
            new ConsumerHost(
              options.useFactory(...deps),
              options.config,
              runtime,
              database,
              health,
              logger,
            ),
        },
      ],
    };
  }
}
