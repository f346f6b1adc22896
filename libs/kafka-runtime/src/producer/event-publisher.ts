import { FerryHeaders, type EventContract, type EventEnvelope } from '@ferry/contracts';
import { childTraceparent, isValidTraceparent, newTraceparent } from '@ferry/observability';
import { Partitioners, type Kafka, type Producer } from '../external/kafka.interface';
import { PublishError } from '../errors';
import type { EventCodec } from '../registry/event-codec';

export interface PublishOptions<T extends EventEnvelope> {
  readonly topic: string;
  readonly subject: string;
  readonly contract: EventContract<T>;
  readonly originSystem: string;
}

/**
 * Publishes one event type to one topic: Avro in the wire format, keyed by entity id, with
 * acks from all in-sync replicas and the idempotent producer (no duplicates from the producer's
 * own retries). `publish` resolves only once Kafka acknowledged every event.
 */
export class EventPublisher<T extends EventEnvelope> {
  private readonly producer: Producer;
  private schemaId: number | undefined;

  constructor(
    kafka: Kafka,
    private readonly codec: EventCodec,
    private readonly options: PublishOptions<T>,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps a partition's order through producer retries.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded, so an HTTP caller gets an answer while Kafka is unreachable. The event id makes a
      // caller's retry of the whole call harmless.
      retry: { retries: 6, initialRetryTime: 200, maxRetryTime: 5000 },
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.schemaId = await this.codec.register(this.options.subject, this.options.contract.schema);
  }

  /**
   * `traceparent` continues the caller's trace (an HTTP request's, say); without one, each call
   * starts a trace. Every event of the call carries a child span of it in its headers.
   */
  async publish(events: readonly T[], traceparent?: string): Promise<void> {
    if (events.length === 0) return;
    const parent = isValidTraceparent(traceparent) ? traceparent : newTraceparent();
    const schemaId = this.schemaId;
    if (schemaId === undefined) throw new Error('EventPublisher.publish called before connect');
    const messages = events.map((event) => ({
      key: event.entityId,
      value: this.codec.encode(schemaId, this.options.contract.validate(event)),
      timestamp: String(event.occurredAt),
      headers: {
        [FerryHeaders.traceparent]: childTraceparent(parent),
        [FerryHeaders.eventType]: this.options.contract.eventType,
        [FerryHeaders.originSystem]: this.options.originSystem,
        [FerryHeaders.eventId]: event.eventId,
      },
    }));
    try {
      await this.producer.send({ topic: this.options.topic, acks: -1, messages });
    } catch (error: unknown) {
      throw new PublishError(
        `Kafka did not acknowledge ${events.length} event(s) on ${this.options.topic}`,
        { cause: error },
      );
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}
