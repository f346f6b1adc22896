import type { Logger } from '@ferry/observability';
import { fetchPartitionOffsets } from '../admin/offsets';
import { createKafka, type KafkaConnection } from '../connection';
import { FerryError } from '@ferry/failures';
import type { Kafka } from '../external/kafka.interface';
import {
  deadLetterFilterProblems,
  matchesDeadLetterFilter,
  type DeadLetterFilter,
} from './dead-letter-filter';
import type { DeadLetterRecord } from './dead-letter-record';
import { DeadLetterReadError, DeadLetterTopicNotFoundError } from './errors';
import { planDeadLetterRead } from './read-plan';
import { scanPartitions } from './scan-partitions';

/** What reading a dead-letter topic needs: the same connection a KafkaRuntime is built from. */
export interface DeadLetterDeps {
  readonly connection: KafkaConnection;
  readonly logger: Logger;
}

export interface ListDeadLettersOptions {
  readonly dlqTopic: string;
  readonly filter?: DeadLetterFilter;
  /** Most records returned (the first ones by partition and offset); all when omitted. */
  readonly limit?: number;
  /** Fails the read when no batch arrives for this long; default 30 s. */
  readonly idleTimeoutMs?: number;
}

export interface DeadLetterListing {
  /** Matching records by partition, then offset (the order they were dead-lettered per key). */
  readonly records: readonly DeadLetterRecord[];
  /** Records read. */
  readonly scanned: number;
  /** Records that matched the filter, before the limit. */
  readonly matched: number;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * Reads a dead-letter topic from its beginning to the end it had when the call started and
 * returns the records matching the filter. Commits no offsets for any real consumer group, and
 * records stay where they are: a DLQ is append-only, the replay audit says what was done.
 */
export async function listDeadLetters(
  deps: DeadLetterDeps,
  options: ListDeadLettersOptions,
): Promise<DeadLetterListing> {
  return readDeadLetters(createKafka(deps.connection, deps.logger), deps.logger, options);
}

export async function readDeadLetters(
  kafka: Kafka,
  logger: Logger,
  options: ListDeadLettersOptions,
): Promise<DeadLetterListing> {
  const filter = options.filter ?? {};
  const problems = deadLetterFilterProblems(filter);
  if (options.limit !== undefined && !(Number.isSafeInteger(options.limit) && options.limit > 0))
    problems.push(`limit ${options.limit} is not a positive whole number`);
  if (problems.length > 0)
    throw new RangeError(`Invalid dead-letter query: ${problems.join('; ')}`);

  const topic = options.dlqTopic;
  const admin = kafka.admin();
  try {
    await admin.connect();
    if (!(await admin.listTopics()).includes(topic)) throw new DeadLetterTopicNotFoundError(topic);
    const reads = planDeadLetterRead(await fetchPartitionOffsets(admin, topic), filter.position);
    const { scanned, accepted } = await scanPartitions(kafka, admin, logger, {
      topic,
      reads,
      accept: (record) => matchesDeadLetterFilter(record, filter),
      idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    });
    const ordered = accepted.sort(byPosition);
    return {
      records: options.limit === undefined ? ordered : ordered.slice(0, options.limit),
      scanned,
      matched: ordered.length,
    };
  } catch (error: unknown) {
    if (error instanceof FerryError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeadLetterReadError(`Could not read ${topic}: ${reason}`, { cause: error });
  } finally {
    await admin.disconnect();
  }
}

function byPosition(a: DeadLetterRecord, b: DeadLetterRecord): number {
  if (a.dlqPartition !== b.dlqPartition) return a.dlqPartition - b.dlqPartition;
  const diff = BigInt(a.dlqOffset) - BigInt(b.dlqOffset);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
