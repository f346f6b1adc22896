import type { Provider } from '@nestjs/common';
import {
  KafkaRuntime,
  registryConnectionOf,
  type KafkaConnection,
  type SchemaRegistrySettings,
} from '@ferry/kafka-runtime';
import { jsonLogger } from '@ferry/observability';

/** The service's one KafkaRuntime, as a Nest provider. */
export function kafkaRuntimeProvider(
  config: KafkaConnection & SchemaRegistrySettings,
  component: string,
): Provider {
  return {
    provide: KafkaRuntime,
    useFactory: () =>
      new KafkaRuntime({
        connection: config,
        ...registryConnectionOf(config),
        logger: jsonLogger(component),
      }),
  };
}
