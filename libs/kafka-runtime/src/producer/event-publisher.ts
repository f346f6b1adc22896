import {
  checkPublishable,
  FerryHeaders,
  type Entity,
  type EventContract,
  type EventEnvelope,
} from '@ferry/contracts';
import { inSendSpan } from '@ferry/observability';
import type { Kafka } from '../external/kafka.interface';
import { EventProducer } from './event-producer';
import { SendQueue } from './send-queue';
import { PublishError } from '../errors';
import { measurePublish } from './publish-metrics';
import type { EventCodec } from '../registry/event-codec';
import { catalogTopicOf, refuseUnlessOwner } from '../ownership/ownership-guard';

export interface PublishOptions<T extends EventEnvelope> {
  readonly topic: string;
  readonly subject: string;
  readonly contract: EventContract<T>;
  /** The system this publisher speaks for; it must own the event's entity (see the catalog). */
  readonly originSystem: string;
}

/** Where the events of one `publish` call come from, carried in headers beside each event. */
export interface PublishContext {
  /** Continues the caller's trace (an HTTP request's, say); without one, the call starts one. */
  readonly traceparent?: string | undefined;
  /** The authenticated sender of the request (`ferry-caller`); absent for Ferry's own reads. */
  readonly caller?: string | undefined;
}

/**
 * Publishes one event type to one topic: Avro in the wire format, keyed by entity id, with
 * acks from all in-sync replicas (see EventProducer: a retry may write an event twice, never
 * lose it; consumers drop the second by its event id). `publish` resolves only once Kafka
 * acknowledged every event.
 *
 * Ownership is enforced here, at the only door to Kafka: a publisher for an entity its system
 * does not own cannot be built, and a call holding an event whose `sourceSystem` is not that
 * system is refused whole (counted in `ferry_ownership_refusals_total`; nothing is produced).
 */
export class EventPublisher<T extends EventEnvelope> {
  private readonly producer: EventProducer;
  private readonly sends: SendQueue;
  private schemaId: number | undefined;
  private readonly entity: Entity;

  constructor(
    kafka: Kafka,
    private readonly codec: EventCodec,
    private readonly options: PublishOptions<T>,
  ) {
    this.entity = catalogTopicOf(options.contract.eventType).entity;
    refuseUnlessOwner(options.originSystem, this.entity);
    // Bounded, so an HTTP caller gets an answer while Kafka is unreachable. The event id makes a
    // caller's retry of the whole call harmless.
    this.producer = new EventProducer(kafka, {
      retry: { retries: 6, initialRetryTime: 200, maxRetryTime: 5000 },
    });
    this.sends = new SendQueue((messages) =>
      this.producer.send([{ topic: options.topic, messages }]),
    );
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.schemaId = await this.codec.register(this.options.subject, this.options.contract.schema);
  }

  /**
   * One PRODUCER span per call (`send <topic>`), a child of the active span or else of the
   * context's traceparent; every event of the call carries the span's context in its
   * `traceparent` header, which consumers link to. Measured in `ferry_publish_duration_seconds`,
   * `ferry_published_events_total` and `ferry_publish_failures_total`.
   */
  async publish(events: readonly T[], context: PublishContext = {}): Promise<void> {
    if (events.length === 0) return;
    const { traceparent, caller } = context;
    await measurePublish(this.options.topic, events.length, () =>
      inSendSpan(
        { topic: this.options.topic, keys: events.map((event) => event.entityId), traceparent },
        (sendTraceparent) => this.send(events, sendTraceparent, caller),
      ),
    );
  }

  private async send(
    events: readonly T[],
    traceparent: string | undefined,
    caller: string | undefined,
  ): Promise<void> {
    const schemaId = this.schemaId;
    if (schemaId === undefined) throw new Error('EventPublisher.publish called before connect');
    for (const event of events) {
      // The publisher's own system owns the entity (checked when it was built); an event that
      // claims another source is a change from a non-owner travelling under our name.
      if (event.sourceSystem !== this.options.originSystem) {
        refuseUnlessOwner(event.sourceSystem, this.entity);
      }
    }
    const messages = events.map((event) => ({
      key: event.entityId,
      value: this.codec.encode(schemaId, checkPublishable(this.options.contract, event)),
      // No record timestamp: the producer stamps the send time. `occurredAt` is the business
      // time and lives in the payload; as a record time, an old change (an ERP catch-up, a
      // replayed export) would fall outside the topic's retention and be deleted before any
      // consumer read it.
      headers: {
        ...(traceparent === undefined ? {} : { [FerryHeaders.traceparent]: traceparent }),
        [FerryHeaders.eventType]: this.options.contract.eventType,
        [FerryHeaders.originSystem]: this.options.originSystem,
        [FerryHeaders.eventId]: event.eventId,
        ...(caller === undefined ? {} : { [FerryHeaders.caller]: caller }),
      },
    }));
    try {
      // Coalesced with the calls that arrive while a send is in flight (see SendQueue).
      await this.sends.send(messages);
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
