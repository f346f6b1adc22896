import { Global, Module, type DynamicModule } from '@nestjs/common';
import {
  KafkaRuntime,
  registryConnectionOf,
  type KafkaConnection,
  type SchemaRegistrySettings,
} from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import { LOGGER } from '../logging/logger';

/** The service's one KafkaRuntime: one client, one schema cache, for every publisher and consumer. */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(config: KafkaConnection & SchemaRegistrySettings): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KafkaRuntime,
          inject: [LOGGER],
          useFactory: (logger: Logger) =>
            new KafkaRuntime({ connection: config, ...registryConnectionOf(config), logger }),
        },
      ],
      exports: [KafkaRuntime],
    };
  }
}
