import { AllTopics, topicDeclarations } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import type { Endpoints } from '../endpoints';
import { kafkaClientSettings } from './kafka-client-env';

/** Creates every topic of the catalog (main and dead-letter) that the cluster lacks. Idempotent. */
export async function ensureCatalogTopics(endpoints: Endpoints): Promise<string[]> {
  const runtime = new KafkaRuntime({
    connection: {
      brokers: endpoints.kafkaBrokers,
      clientId: 'ferry-infra',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
      ...(endpoints.kafkaSecurity === undefined
        ? {}
        : kafkaClientSettings(endpoints.kafkaSecurity, endpoints.kafkaSecurity.adminPrincipal)),
    },
    schemaRegistryUrl: endpoints.schemaRegistryUrl,
    logger: silentLogger,
  });
  return runtime.ensureTopics(AllTopics.flatMap((spec) => topicDeclarations(spec)));
}
