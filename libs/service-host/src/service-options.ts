import { kafkaConnectionOptions, schemaRegistryOptions } from '@ferry/kafka-runtime';
import { createTopicsOptions, httpServerOptions, tracingOptions } from './host-options';

/**
 * What every Ferry service that publishes or consumes events reads: the brokers, the schema
 * registry, whether it creates its topics, its HTTP server (health and metrics at least) and
 * tracing. One block, spread by every such app's options.
 */
export function serviceOptions(defaultPort: number) {
  return {
    ...kafkaConnectionOptions,
    ...schemaRegistryOptions,
    ...createTopicsOptions,
    ...httpServerOptions(defaultPort),
    ...tracingOptions,
  };
}
