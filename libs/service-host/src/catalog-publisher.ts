import type { OnModuleDestroy, OnModuleInit, Provider } from '@nestjs/common';
import {
  topicDeclarations,
  valueSubject,
  type EventContract,
  type EventEnvelope,
  type TopicSpec,
} from '@ferry/contracts';
import {
  catalogTopicOf,
  KafkaRuntime,
  type EventPublisher,
  type PublishContext,
} from '@ferry/kafka-runtime';

export interface CatalogPublisherOptions<T extends EventEnvelope> {
  readonly contract: EventContract<T>;
  /** The system the service speaks for; it must own the contract's entity. */
  readonly system: string;
  /** Topic name; the catalog's by default (tests use their own). */
  readonly topic?: string;
  /** Create the topic, its retry tiers and dead-letter topic at start. */
  readonly createTopics: boolean;
}

/**
 * One event type's publisher as a Nest provider: ownership is checked when it is built (a
 * service configured to publish an entity its system does not own does not start), topics and
 * schema are set up at module start, and the producer is flushed at stop.
 */
export class CatalogPublisher<T extends EventEnvelope> implements OnModuleInit, OnModuleDestroy {
  readonly spec: TopicSpec;
  readonly topic: string;
  private readonly publisher: EventPublisher<T>;

  constructor(
    private readonly runtime: KafkaRuntime,
    private readonly options: CatalogPublisherOptions<T>,
  ) {
    this.spec = catalogTopicOf(options.contract.eventType);
    this.topic = options.topic ?? this.spec.name;
    this.publisher = runtime.publisher({
      topic: this.topic,
      subject: valueSubject(this.topic),
      contract: options.contract,
      originSystem: options.system,
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.options.createTopics) {
      await this.runtime.ensureTopics(topicDeclarations(this.spec, this.topic));
    }
    await this.publisher.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.publisher.disconnect();
  }

  /** Resolves once Kafka acknowledged every event. */
  publish(events: readonly T[], context?: PublishContext): Promise<void> {
    return this.publisher.publish(events, context);
  }
}

/** Registers a CatalogPublisher under `token`, built from the service's own options. */
export function catalogPublisherProvider<T extends EventEnvelope>(
  token: symbol,
  options: CatalogPublisherOptions<T>,
): Provider {
  return {
    provide: token,
    useFactory: (runtime: KafkaRuntime) => new CatalogPublisher(runtime, options),
    inject: [KafkaRuntime],
  };
}

/**
 * What one adapter publishes, as the system it speaks for: the only way its module builds
 * publishers, and what the repository-wide ownership test reads (test/ownership). A list holding
 * an entity the system does not own fails that test, and the service refuses to start.
 */
export interface Publications {
  readonly system: string;
  readonly contracts: readonly EventContract<EventEnvelope>[];
  /** A CatalogPublisher provider for one of `contracts`, speaking for `system`. */
  provider<T extends EventEnvelope>(
    token: symbol,
    contract: EventContract<T>,
    options: Omit<CatalogPublisherOptions<T>, 'contract' | 'system'>,
  ): Provider;
}

export function definePublications(
  system: string,
  contracts: readonly EventContract<EventEnvelope>[],
): Publications {
  return {
    system,
    contracts,
    provider: (token, contract, options) => {
      if (!contracts.some((listed) => listed.eventType === contract.eventType)) {
        throw new Error(
          `${contract.eventType} is not in the publications of ${system}; add it there ` +
            '(the ownership test then checks that the system owns it)',
        );
      }
      return catalogPublisherProvider(token, { ...options, contract, system });
    },
  };
}
