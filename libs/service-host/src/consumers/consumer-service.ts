import { Module, type DynamicModule } from '@nestjs/common';
import { readConfig, type ConfigOf } from '@ferry/config';
import type { EventEnvelope, TopicSpec } from '@ferry/contracts';
import { databaseOptions, persistenceMigrations, type MigrationSource } from '@ferry/persistence';
import { DatabaseModule } from '../database/database.module';
import { listenOn } from '../host-options';
import { KafkaModule } from '../kafka/kafka.module';
import { runService } from '../run-service';
import { ServiceHostModule } from '../service-host.module';
import { runServiceMain } from '../service-main';
import { serviceOptions } from '../service-options';
import { hostConsumer, type ConsumerDeclaration } from './consumer-declaration';
import { consumerBindingOptions, consumerOptions, type ConsumerDefaults } from './consumer-options';
import { ConsumersModule } from './consumers.module';

/** Every migration of a consumer service's schema: Ferry's dedup and parking tables, then the consumers' own. */
export function consumerMigrations(
  declarations: readonly Pick<ConsumerDeclaration<EventEnvelope>, 'migrations'>[],
): MigrationSource[] {
  return [persistenceMigrations, ...declarations.flatMap((d) => d.migrations ?? [])];
}

/** Everything a service that runs one consumer reads from its environment. */
export function consumerServiceOptions(service: {
  readonly port: number;
  readonly topic: TopicSpec;
  readonly topicVariable: string;
  readonly group: string;
  readonly defaults?: ConsumerDefaults;
}) {
  return {
    ...serviceOptions(service.port),
    ...databaseOptions,
    ...consumerOptions(service.defaults),
    ...consumerBindingOptions(service),
  };
}

export type ConsumerServiceOptions = ReturnType<typeof consumerServiceOptions>;

export interface ConsumerServiceSpec<T extends EventEnvelope> {
  readonly name: string;
  readonly options: ConsumerServiceOptions;
  readonly consumer: ConsumerDeclaration<T>;
}

@Module({})
class ConsumerServiceModule {}

/** The Nest module of a one-consumer service: host, Kafka, its pool, its consumer. */
export function consumerServiceModule<T extends EventEnvelope>(
  spec: ConsumerServiceSpec<T>,
  config: ConfigOf<ConsumerServiceOptions>,
): DynamicModule {
  return {
    module: ConsumerServiceModule,
    imports: [
      ServiceHostModule.forRoot({ name: spec.name }),
      KafkaModule.forRoot(config),
      DatabaseModule.forRoot({
        name: spec.name,
        config,
        migrations: consumerMigrations([spec.consumer]),
      }),
      ConsumersModule.register({ config, consumers: [hostConsumer(spec.consumer, config)] }),
    ],
  };
}

/**
 * The whole entry point of a service that runs one consumer (a projector): `main.js` runs it,
 * `main.js migrate` applies its schema, `main.js --help` lists every variable it reads.
 */
export function runConsumerService<T extends EventEnvelope>(spec: ConsumerServiceSpec<T>): void {
  runServiceMain({
    name: spec.name,
    options: spec.options,
    migrations: consumerMigrations([spec.consumer]),
    start: async () => {
      const config = readConfig(spec.options);
      await runService(consumerServiceModule(spec, config), {
        name: spec.name,
        ...listenOn(config),
      });
    },
  });
}
