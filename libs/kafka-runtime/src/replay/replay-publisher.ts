import { PublishError } from '../errors';
import type { Kafka } from '../external/kafka.interface';
import { EventProducer } from '../producer/event-producer';
import { RateLimiter, type Clock } from '@ferry/time';
import { kafkaHeadersOf } from '../dead-letter/kafka-record';
import { replayHeaders, type ReplayTarget } from './replay-headers';
import type { ReplayItem } from './replay-plan';

export interface ReplayPublication {
  readonly replayId: string;
  readonly target: ReplayTarget;
  readonly items: readonly ReplayItem[];
  readonly ratePerSecond: number;
}

export interface ReplayOutcome {
  /** Records Kafka acknowledged, in order: the first `replayed` items went out. */
  readonly replayed: number;
  /** Why the rest did not; undefined when all went. */
  readonly failure: PublishError | undefined;
}

/**
 * Publishes the items one by one, each after the rate limiter lets it go, with Ferry's event
 * producer and acks from all in-sync replicas; stops at the first record Kafka does not take.
 * Keyed records land on the partition the key maps to (Java-compatible partitioner), as new
 * events of that key do.
 */
export async function publishReplay(
  kafka: Kafka,
  clock: Clock,
  publication: ReplayPublication,
): Promise<ReplayOutcome> {
  const { items, replayId, target } = publication;
  const producer = new EventProducer(kafka);
  const limiter = new RateLimiter({ ratePerSecond: publication.ratePerSecond, burst: 1 }, clock);
  let replayed = 0;
  try {
    await producer.connect();
    for (const { record, destination } of items) {
      await limiter.acquire();
      const headers = replayHeaders(record, target, { replayId, replayedAt: clock.now() });
      await producer.send([
        {
          topic: destination,
          messages: [{ key: record.key, value: record.value, headers: kafkaHeadersOf(headers) }],
        },
      ]);
      replayed += 1;
    }
    return { replayed, failure: undefined };
  } catch (error: unknown) {
    const failure = new PublishError(
      `Replay ${replayId} stopped after ${replayed} of ${items.length} records`,
      { cause: error },
    );
    return { replayed, failure };
  } finally {
    await producer.disconnect();
  }
}
