import type { EventEnvelope } from '@ferry/contracts';
import type { Logger } from '@ferry/observability';
import { ensureTopics, type TopicDeclaration } from './admin/topics';
import { createKafka, type KafkaConnection } from './connection';
import { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
import type { Kafka } from './external/kafka.interface';
import { EventPublisher, type PublishOptions } from './producer/event-publisher';
import { EventCodec } from './registry/event-codec';
import type { RegistryConnection } from './registry/registry-connection';

export interface KafkaRuntimeOptions extends RegistryConnection {
  readonly connection: KafkaConnection;
  readonly logger: Logger;
}

/**
 * What a service gets from the Kafka runtime: publishers, consumers and topic setup, all built
 * on one client and one schema cache. kafkajs itself stays inside this library.
 */
export class KafkaRuntime {
  private readonly kafka: Kafka;
  readonly codec: EventCodec;

  constructor(private readonly options: KafkaRuntimeOptions) {
    this.kafka = createKafka(options.connection, options.logger);
    this.codec = new EventCodec(
      options.schemaRegistryUrl,
      options.schemaRegistryTimeoutMs,
      options.schemaRegistryAccess,
    );
  }

  publisher<T extends EventEnvelope>(options: PublishOptions<T>): EventPublisher<T> {
    return new EventPublisher(this.kafka, this.codec, options);
  }

  consumer<T extends EventEnvelope>(
    options: Omit<EventConsumerOptions<T>, 'logger'>,
  ): EventConsumer<T> {
    return new EventConsumer(this.kafka, this.codec, {
      ...options,
      logger: this.options.logger,
    });
  }

  /** Connection settings, for tools that open their own client (see testing/read-topic). */
  get connection(): KafkaConnection {
    return this.options.connection;
  }

  ensureTopics(topics: readonly TopicDeclaration[]): Promise<string[]> {
    return ensureTopics(this.kafka, topics);
  }
}
