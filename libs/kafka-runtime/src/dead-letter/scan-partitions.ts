import { randomUUID } from 'node:crypto';
import type { Logger } from '@ferry/observability';
import type { Admin, Consumer, Kafka } from '../external/kafka.interface';
import { parseDeadLetterRecord, type DeadLetterRecord } from './dead-letter-record';
import { DeadLetterReadError } from './errors';
import { rawDeadLetterOf } from './kafka-record';
import { isReadComplete, isWanted, type PartitionRead } from './read-plan';

/** Prefix of the throwaway consumer groups that read dead-letter topics (deleted after use). */
export const DEAD_LETTER_READER_GROUP_PREFIX = 'ferry-dlq-reader-';

export interface PartitionScan {
  readonly topic: string;
  readonly reads: readonly PartitionRead[];
  readonly accept: (record: DeadLetterRecord) => boolean;
  /** Fails the scan when no batch arrives for this long. */
  readonly idleTimeoutMs: number;
}

export interface ScanResult {
  readonly scanned: number;
  readonly accepted: DeadLetterRecord[];
}

/** Attempts of a scan whose consumer the client gave up on (a coordinator still moving, say). */
const SCAN_ATTEMPTS = 3;

/**
 * Reads the planned offsets of a topic once, through a consumer group of its own that starts
 * at the beginning, commits nothing and is deleted afterwards: no real group's offsets move.
 * A scan whose consumer crashed (on a new cluster the group coordinator may not be ready yet)
 * starts again with a new group; a scan that makes no progress fails at once.
 */
export async function scanPartitions(
  kafka: Kafka,
  admin: Admin,
  logger: Logger,
  scan: PartitionScan,
): Promise<ScanResult> {
  if (scan.reads.length === 0) return { scanned: 0, accepted: [] };
  for (let attempt = 1; ; attempt++) {
    try {
      return await scanOnce(kafka, admin, logger, scan);
    } catch (error: unknown) {
      if (!(error instanceof ConsumerCrashed) || attempt >= SCAN_ATTEMPTS) throw error;
      logger.warn('DLQ reader crashed; reading again', { topic: scan.topic, attempt, error });
      await new Promise((done) => setTimeout(done, 1000 * attempt));
    }
  }
}

/** The reader's consumer crashed or did not start: worth another attempt. */
class ConsumerCrashed extends DeadLetterReadError {}

async function scanOnce(
  kafka: Kafka,
  admin: Admin,
  logger: Logger,
  scan: PartitionScan,
): Promise<ScanResult> {
  const groupId = `${DEAD_LETTER_READER_GROUP_PREFIX}${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [scan.topic], fromBeginning: true });
    return await readUntilComplete(consumer, scan);
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch((error: unknown) => {
      // A group that never stored an offset is gone once its member left; anything else stays
      // visible, since the group would be left behind.
      if (!isGroupNotFound(error))
        logger.warn('could not delete a DLQ reader group', { groupId, error });
    });
  }
}

function readUntilComplete(consumer: Consumer, scan: PartitionScan): Promise<ScanResult> {
  const { topic, reads } = scan;
  const seen = new Map<number, bigint>();
  const reached = new Map<number, bigint>();
  const accepted: DeadLetterRecord[] = [];
  let scanned = 0;
  return new Promise<ScanResult>((resolve, reject) => {
    let idle: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (error?: Error): void => {
      settled = true;
      clearTimeout(idle);
      if (error === undefined) resolve({ scanned, accepted });
      else reject(error);
    };
    const watch = (): void => {
      clearTimeout(idle);
      if (settled) return;
      idle = setTimeout(() => {
        settle(
          new DeadLetterReadError(`No progress reading ${topic} for ${scan.idleTimeoutMs} ms`),
        );
      }, scan.idleTimeoutMs);
    };
    watch();
    // Also fired for batches of only control records, which never reach eachBatch.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (payload.topic !== topic) return;
      const last = BigInt(payload.lastOffset);
      if (last > (reached.get(payload.partition) ?? -1n)) reached.set(payload.partition, last);
      watch();
      if (isReadComplete(reads, reached)) settle();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      settle(new ConsumerCrashed(`Reading ${topic} failed`, { cause: payload.error }));
    });
    consumer
      .run({
        autoCommit: false,
        eachBatch: ({ batch }) => {
          for (const message of batch.messages) {
            const offset = BigInt(message.offset);
            // A seek can deliver a stretch twice; each offset counts once.
            if (offset <= (seen.get(batch.partition) ?? -1n)) continue;
            seen.set(batch.partition, offset);
            if (!isWanted(reads, batch.partition, message.offset)) continue;
            scanned += 1;
            const record = parseDeadLetterRecord(rawDeadLetterOf(topic, batch.partition, message));
            if (scan.accept(record)) accepted.push(record);
          }
          return Promise.resolve();
        },
      })
      .then(
        () => {
          if (settled) return;
          // Each partition starts at its first planned offset: for one record, nothing before it.
          try {
            for (const read of reads)
              consumer.seek({ topic, partition: read.partition, offset: read.from.toString() });
          } catch (error: unknown) {
            settle(new ConsumerCrashed(`Could not start reading ${topic}`, { cause: error }));
          }
        },
        (error: unknown) => {
          settle(new ConsumerCrashed(`Could not start reading ${topic}`, { cause: error }));
        },
      );
  });
}

function isGroupNotFound(error: unknown): boolean {
  if (!(error instanceof Error) || !('groups' in error) || !Array.isArray(error.groups))
    return false;
  return error.groups.every(
    (group: unknown) =>
      typeof group === 'object' &&
      group !== null &&
      'error' in group &&
      group.error instanceof Error &&
      'type' in group.error &&
      group.error.type === 'GROUP_ID_NOT_FOUND',
  );
}
