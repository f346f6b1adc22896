import { FerryError } from '@ferry/failures';
import {
  Partitioners,
  type Kafka,
  type Message,
  type Producer,
  type RecordMetadata,
} from '../external/kafka.interface';
import { counter } from '@ferry/observability';

export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/**
 * Pure: the messages of `sent` whose partition Kafka did not acknowledge, by topic; empty when
 * every one was. `partitionOf` tells the partition a message was given; one it does not know is
 * taken as unacknowledged.
 */
export function unacknowledged(
  sent: readonly TopicMessages[],
  acknowledged: readonly RecordMetadata[],
  partitionOf: (message: Message) => number | undefined,
): TopicMessages[] {
  const written = new Set(
    acknowledged
      .filter((record) => record.errorCode === 0)
      .map((record) => `${record.topicName}\u0000${record.partition}`),
  );
  return sent.flatMap(({ topic, messages }) => {
    const missing = messages.filter((message) => {
      const partition = partitionOf(message);
      return partition === undefined || !written.has(`${topic}\u0000${partition}`);
    });
    return missing.length === 0 ? [] : [{ topic, messages: missing }];
  });
}

const resent = counter(
  'ferry_producer_resent_messages_total',
  'Messages sent again because Kafka answered a send without acknowledging their partition',
  ['topic'],
);

export interface EventProducerOptions {
  /** kafkajs retry settings of each send; its defaults when absent. */
  readonly retry?: {
    readonly retries: number;
    readonly initialRetryTime: number;
    readonly maxRetryTime: number;
  };
}

/** Sends of what Kafka left unacknowledged, after the first, before giving up. */
const RESENDS = 3;

/** Kafka answered a send without acknowledging every partition it was given. */
export class PartialAcknowledgementError extends FerryError {
  constructor(message: string) {
    super(message, 'transient');
  }
}

/**
 * The one way Ferry produces events (publishers, retry and dead-letter routing, replays). `send`
 * resolves only once Kafka acknowledged every message, from all in-sync replicas; one request is
 * in flight per broker, so a retried batch cannot overtake a later one; keys map to partitions as
 * in the Java client.
 *
 * Two kafkajs flaws, both seen in the fault suite killing a broker under concurrent publishes,
 * each an acknowledged event lost:
 * - A send to several brokers keeps the answers of those that answered and, after a failure,
 *   re-sends only to brokers that did not. A partition whose leader died and moved to a broker
 *   that had already answered is never sent again, and the send resolves. Here every message's
 *   partition is noted when kafkajs picks it, checked against the partitions acknowledged, and
 *   what is missing is sent again.
 * - Its idempotent producer takes a partition's sequence numbers back when a request fails, so a
 *   send waiting for the same broker gets the same numbers; the new leader may then take a
 *   second batch of the same length for a duplicate of the first and drop it. So it is not used:
 *   without sequence numbers a retry can at worst write an event twice, and every consumer drops
 *   the second by its event id.
 */
export class EventProducer {
  private readonly producer: Producer;
  private readonly partitionOf = new WeakMap<Message, number>();

  constructor(kafka: Kafka, options: EventProducerOptions = {}) {
    const partitionOf = this.partitionOf;
    this.producer = kafka.producer({
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: () => {
        const choose = Partitioners.DefaultPartitioner();
        return (args) => {
          const partition = choose(args);
          partitionOf.set(args.message, partition);
          return partition;
        };
      },
      ...(options.retry === undefined ? {} : { retry: { ...options.retry } }),
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Resolves once every message of `batches` is acknowledged by all in-sync replicas. */
  async send(batches: readonly TopicMessages[]): Promise<void> {
    let pending = batches;
    for (let resend = 0; ; resend += 1) {
      const acknowledged: RecordMetadata[] = await this.producer.sendBatch({
        acks: -1,
        topicMessages: pending.map(({ topic, messages }) => ({ topic, messages: [...messages] })),
      });
      pending = unacknowledged(pending, acknowledged, (message) => this.partitionOf.get(message));
      if (pending.length === 0) return;
      for (const { topic, messages } of pending) resent.inc({ topic }, messages.length);
      if (resend === RESENDS) {
        const missing = pending.map(({ topic, messages }) => `${topic} (${messages.length})`);
        throw new PartialAcknowledgementError(
          `Kafka acknowledged no write of ${missing.join(', ')} after ${RESENDS + 1} sends`,
        );
      }
    }
  }
}
