import { randomUUID } from 'node:crypto';
import type { Logger } from '@ferry/observability';
import type { Admin, Consumer, Kafka } from '../external/kafka.interface';
import { mapLimited } from './map-limited';

/** Prefix of the throwaway consumer groups that read record timestamps (deleted after use). */
export const TIMESTAMP_READER_GROUP_PREFIX = 'ferry-lag-reader-';

/** One record of a topic by its place in it. */
export interface RecordPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

const keyOf = ({ topic, partition, offset }: RecordPosition): string =>
  `${topic}\u0000${partition}\u0000${offset.toString()}`;

/**
 * The timestamp of the record at a position, or of the first one after it when that offset holds
 * no record (a transaction marker, a record compaction removed). Read with one consumer of a
 * throwaway group per call, which seeks each partition to its position, takes the first record
 * and stops: no real group's offsets move. Timestamps are kept per position, so a group stuck on
 * a record costs one read, not one per poll; positions no longer asked for are forgotten.
 */
export class RecordTimestamps {
  private cache = new Map<string, number>();

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
    private readonly concurrency: number,
  ) {}

  /** Timestamps (epoch ms) of the positions it could read within the timeout, by position. */
  async read(
    admin: Admin,
    positions: readonly RecordPosition[],
  ): Promise<{
    readonly timestamps: ReadonlyMap<string, number>;
    readonly missing: number;
  }> {
    const kept = new Map<string, number>();
    const wanted = new Map<string, RecordPosition>();
    for (const position of positions) {
      const known = this.cache.get(keyOf(position));
      if (known === undefined) wanted.set(keyOf(position), position);
      else kept.set(keyOf(position), known);
    }
    // A consumer reads a partition from one offset: groups at different offsets of one
    // partition are read by different consumers, at most `concurrency` at a time.
    const rounds = await mapLimited(
      onePerPartition([...wanted.values()]),
      this.concurrency,
      (round) => this.readOnce(admin, round),
    );
    for (const fresh of rounds) for (const [key, timestamp] of fresh) kept.set(key, timestamp);
    this.cache = kept;
    return { timestamps: kept, missing: positions.filter((p) => !kept.has(keyOf(p))).length };
  }

  static keyOf(position: RecordPosition): string {
    return keyOf(position);
  }

  private async readOnce(
    admin: Admin,
    wanted: readonly RecordPosition[],
  ): Promise<Map<string, number>> {
    const groupId = `${TIMESTAMP_READER_GROUP_PREFIX}${randomUUID()}`;
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      // One record per partition is all that is wanted.
      maxBytesPerPartition: 64 * 1024,
    });
    const found = new Map<string, number>();
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [...new Set(wanted.map((position) => position.topic))],
        fromBeginning: false,
      });
      await readFirstRecords(consumer, wanted, found, this.timeoutMs);
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch((error: unknown) => {
        this.logger.debug('could not delete a timestamp reader group', { groupId, error });
      });
    }
    return found;
  }
}

/** Splits positions into rounds that each hold at most one position per partition. */
export function onePerPartition(positions: readonly RecordPosition[]): RecordPosition[][] {
  const rounds: RecordPosition[][] = [];
  const seen = new Map<string, number>();
  for (const position of positions) {
    const partition = `${position.topic}\u0000${position.partition}`;
    const index = seen.get(partition) ?? 0;
    seen.set(partition, index + 1);
    (rounds[index] ??= []).push(position);
  }
  return rounds;
}

/**
 * Runs the consumer until every wanted partition delivered its first record at or after the
 * wanted offset, or the timeout passed (what was found by then is kept).
 */
function readFirstRecords(
  consumer: Consumer,
  wanted: readonly RecordPosition[],
  found: Map<string, number>,
  timeoutMs: number,
): Promise<void> {
  const byPartition = new Map(
    wanted.map((position) => [`${position.topic}\u0000${position.partition}`, position]),
  );
  return new Promise<void>((done, fail) => {
    const timer = setTimeout(done, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      done();
    };
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      clearTimeout(timer);
      fail(payload.error);
    });
    consumer
      .run({
        autoCommit: false,
        eachBatch: (payload) => {
          const { batch } = payload;
          const position = byPartition.get(`${batch.topic}\u0000${batch.partition}`);
          if (position === undefined || found.has(keyOf(position))) return Promise.resolve();
          const first = batch.messages.find((message) => BigInt(message.offset) >= position.offset);
          if (first === undefined) return Promise.resolve();
          found.set(keyOf(position), Number(first.timestamp));
          payload.pause();
          if (found.size === byPartition.size) finish();
          return Promise.resolve();
        },
      })
      .then(
        () => {
          for (const position of wanted)
            consumer.seek({
              topic: position.topic,
              partition: position.partition,
              offset: position.offset.toString(),
            });
        },
        (error: unknown) => {
          clearTimeout(timer);
          fail(error instanceof Error ? error : new Error(String(error)));
        },
      );
  });
}
