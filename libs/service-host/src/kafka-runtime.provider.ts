import type { Provider } from '@nestjs/common';
import { KafkaRuntime, type KafkaConnection } from '@ferry/kafka-runtime';
import { jsonLogger } from '@ferry/observability';

/** The service's one KafkaRuntime, as a Nest provider. */
export function kafkaRuntimeProvider(
  config: KafkaConnection & {
    readonly schemaRegistryUrl: string;
    readonly schemaRegistryTimeoutMs?: number;
  },
  component: string,
): Provider {
  return {
    provide: KafkaRuntime,
    useFactory: () =>
      new KafkaRuntime({
        connection: config,
        schemaRegistryUrl: config.schemaRegistryUrl,
        schemaRegistryTimeoutMs: config.schemaRegistryTimeoutMs,
        logger: jsonLogger(component),
      }),
  };
}
