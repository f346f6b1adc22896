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

export interface ConsumerServiceSpec<T extends EventEnvelope, S extends ConsumerServiceOptions> {
  readonly name: string;
  /** `consumerServiceOptions(...)`, and whatever else the service reads (a sink's target). */
  readonly options: S;
  /** The consumer, or how to build it from the configuration (a sink and its client). */
  readonly consumer: ConsumerDeclaration<T> | ((config: ConfigOf<S>) => ConsumerDeclaration<T>);
  /** The consumer's own migrations, when `consumer` is built from the configuration. */
  readonly migrations?: readonly MigrationSource[];
}

/** Every migration of the service's schema, known without its configuration (`migrate`). */
function serviceMigrations<T extends EventEnvelope, S extends ConsumerServiceOptions>(
  spec: ConsumerServiceSpec<T, S>,
): MigrationSource[] {
  return consumerMigrations([
    typeof spec.consumer === 'function' ? { migrations: spec.migrations } : spec.consumer,
  ]);
}

@Module({})
class ConsumerServiceModule {}

/** The Nest module of a one-consumer service: host, Kafka, its pool, its consumer. */
function consumerServiceModule<T extends EventEnvelope>(
  name: string,
  config: ConfigOf<ConsumerServiceOptions>,
  consumer: ConsumerDeclaration<T>,
  migrations: readonly MigrationSource[],
): DynamicModule {
  return {
    module: ConsumerServiceModule,
    imports: [
      ServiceHostModule.forRoot({ name }),
      KafkaModule.forRoot(config),
      DatabaseModule.forRoot({ name, config, migrations }),
      ConsumersModule.register({ config, consumers: [hostConsumer(consumer, config)] }),
    ],
  };
}

/**
 * The whole entry point of a service that runs one consumer (a projector): `main.js` runs it,
 * `main.js migrate` applies its schema, `main.js --help` lists every variable it reads.
 */
export function runConsumerService<T extends EventEnvelope, S extends ConsumerServiceOptions>(
  spec: ConsumerServiceSpec<T, S>,
): void {
  const migrations = serviceMigrations(spec);
  runServiceMain({
    name: spec.name,
    options: spec.options,
    migrations,
    start: async () => {
      // The common options as the host reads them; the service's own only for its factory.
      const common: ConsumerServiceOptions = spec.options;
      const config = readConfig(common);
      const consumer =
        typeof spec.consumer === 'function'
          ? spec.consumer(readConfig(spec.options))
          : spec.consumer;
      await runService(consumerServiceModule(spec.name, config, consumer, migrations), {
        name: spec.name,
        ...listenOn(config),
      });
    },
  });
}
