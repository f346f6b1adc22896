import { randomUUID } from 'node:crypto';
import { silentLogger } from '@ferry/observability';
import { fetchPartitionOffsets } from '../admin/offsets';
import { createKafka, type KafkaConnection } from '../connection';
import { headersToRecord } from '../headers';
import type { Kafka, KafkaMessage } from '../external/kafka.interface';

export interface ReadRecord {
  readonly key: string | undefined;
  readonly value: Buffer | null;
  readonly partition: number;
  readonly offset: string;
  readonly headers: Readonly<Record<string, string>>;
}

type Source = { readonly connection: KafkaConnection } | KafkaConnection;

/**
 * The first `count` records of a topic, read from the beginning with a throwaway consumer group
 * (for tests and operator tools; commits nothing). Fails when fewer than `count` arrived within
 * `timeoutMs`: a short read is never an answer, so it cannot pass for "nothing arrived" (ask
 * `readTopicToEnd` that).
 */
export async function readTopic(
  source: Source,
  topic: string,
  count: number,
  timeoutMs: number,
): Promise<ReadRecord[]> {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(
      `readTopic waits for at least one record, not ${count}; readTopicToEnd reads what a topic holds`,
    );
  }
  let records: ReadRecord[] = [];
  await readFromBeginning(kafkaOf(source), topic, timeoutMs, () => {
    records = [];
    return {
      take: (record) => {
        if (records.length < count) records.push(record);
        return records.length >= count;
      },
      shortfall: () => `${records.length} of ${count} records arrived on ${topic}`,
    };
  });
  return records;
}

/**
 * Every record a topic holds up to its end as it stands when called: the high watermark of each
 * partition, asked of the broker first. Records produced after that are left out, so the answer
 * is exact. Fails when the end is not reached within `timeoutMs` rather than answering with what
 * it read so far: "the topic holds nothing" is checked, never assumed after a short wait.
 */
export async function readTopicToEnd(
  source: Source,
  topic: string,
  timeoutMs = 30_000,
): Promise<ReadRecord[]> {
  const kafka = kafkaOf(source);
  const ends = await partitionEnds(kafka, topic, timeoutMs);
  // An empty partition (high watermark = low watermark) has nothing to wait for.
  const unread = () => new Map([...ends].filter(([, end]) => end.high > end.low));
  if (unread().size === 0) return [];
  let records: ReadRecord[] = [];
  await readFromBeginning(kafka, topic, timeoutMs, () => {
    records = [];
    const pending = unread();
    return {
      take: (record) => {
        const end = ends.get(record.partition)?.high ?? 0n;
        const offset = BigInt(record.offset);
        if (offset < end) records.push(record);
        if (offset >= end - 1n) pending.delete(record.partition);
        return pending.size === 0;
      },
      shortfall: () =>
        `${records.length} records of ${topic} read, but not the end of partition(s) ` +
        [...pending].map(([partition, end]) => `${partition} (offset ${end.high})`).join(', '),
    };
  });
  return records;
}

interface PartitionEnd {
  readonly low: bigint;
  readonly high: bigint;
}

async function partitionEnds(
  kafka: Kafka,
  topic: string,
  timeoutMs: number,
): Promise<Map<number, PartitionEnd>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await fetchPartitionOffsets(admin, topic, timeoutMs);
    return new Map(
      offsets.map(({ partition, low, high }) => [
        partition,
        { low: BigInt(low), high: BigInt(high) },
      ]),
    );
  } finally {
    await admin.disconnect();
  }
}

interface ReadUntil {
  /** Takes one record; true once the read is complete. */
  readonly take: (record: ReadRecord) => boolean;
  /** What is missing, for the error of a read that ran out of time. */
  readonly shortfall: () => string;
}

/** A read whose consumer kafkajs gave up on (a group coordinator still loading, say). */
class ReaderCrashed extends Error {}

/**
 * Reads from the beginning until `until` says it is complete. A consumer that crashes (on a
 * cluster just started, the group coordinator may not be ready) is replaced by a new one, which
 * reads again from the beginning with fresh state, until `timeoutMs` is spent.
 */
async function readFromBeginning(
  kafka: Kafka,
  topic: string,
  timeoutMs: number,
  start: () => ReadUntil,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await readOnce(kafka, topic, Math.max(1, deadline - Date.now()), start());
      return;
    } catch (error: unknown) {
      if (!(error instanceof ReaderCrashed) || Date.now() >= deadline) throw error;
    }
  }
}

async function readOnce(
  kafka: Kafka,
  topic: string,
  timeoutMs: number,
  until: ReadUntil,
): Promise<void> {
  // A short fetch wait: leaving the group waits for the fetch in flight.
  const consumer = kafka.consumer({ groupId: `ferry-read-${randomUUID()}`, maxWaitTimeInMs: 500 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let complete = false;
      const finish = (error?: unknown): void => {
        if (complete) return;
        complete = true;
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error('reading failed', { cause: error }));
      };
      const timer = setTimeout(() => {
        finish(new Error(`${until.shortfall()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const crashed = (error: Error) => {
        finish(new ReaderCrashed(error.message, { cause: error }));
      };
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        // kafkajs restarts a consumer after a retriable crash itself.
        if (!payload.restart) crashed(payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachMessage: ({ message, partition }) => {
            if (!complete && until.take(toReadRecord(message, partition))) finish();
            return Promise.resolve();
          },
        })
        .catch((error: unknown) => {
          crashed(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
}

function toReadRecord(message: KafkaMessage, partition: number): ReadRecord {
  return {
    key: message.key?.toString(),
    value: message.value,
    partition,
    offset: message.offset,
    headers: headersToRecord(message.headers),
  };
}

function kafkaOf(source: Source): Kafka {
  return createKafka('connection' in source ? source.connection : source, silentLogger);
}
