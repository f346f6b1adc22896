import { commaList, integer, option, text, type ConfigOf } from '@ferry/config';
import { DefaultRetryDelaysMs, type TopicSpec } from '@ferry/contracts';
import { DEFAULT_NOT_MEMBER_AFTER_MS, EventConsumerDefaults } from '@ferry/kafka-runtime';

function delays(raw: string): number[] {
  return commaList(raw).map(integer({ min: 1 }));
}

/** A service's own defaults where Ferry's do not suit it (the ERP sink: small batches, one partition). */
export interface ConsumerDefaults {
  readonly maxBatchSize?: number;
  readonly partitionsConcurrently?: number;
}

/**
 * How every consumer of a service runs: one block of options, the same in every service that
 * consumes (the ERP adapter's sinks, the WMS sink, the projectors), with the service's defaults.
 */
export function consumerOptions(defaults: ConsumerDefaults = {}) {
  return {
    maxBatchSize: option(
      'FERRY_MAX_BATCH_SIZE',
      integer({ min: 1, max: 10000 }),
      defaults.maxBatchSize ?? EventConsumerDefaults.maxBatchSize,
      'Most events applied in one transaction',
    ),
    maxBytesPerPartition: option(
      'FERRY_FETCH_MAX_BYTES_PER_PARTITION',
      integer({ min: 1024 }),
      EventConsumerDefaults.maxBytesPerPartition,
      'Bytes fetched per partition per request (bounds memory per batch)',
    ),
    sessionTimeoutMs: option(
      'FERRY_SESSION_TIMEOUT_MS',
      integer({ min: 6000, max: 300_000 }),
      EventConsumerDefaults.sessionTimeoutMs,
      'How long the group waits for a silent instance before moving its partitions (heartbeats ' +
        'go out every sixth of it, also during long transactions)',
    ),
    partitionsConcurrently: option(
      'FERRY_PARTITIONS_CONCURRENTLY',
      integer({ min: 1, max: 64 }),
      defaults.partitionsConcurrently ?? EventConsumerDefaults.partitionsConsumedConcurrently,
      'Partitions each consumer applies in parallel (each holds a database connection meanwhile)',
    ),
    retryDelaysMs: option(
      'FERRY_RETRY_DELAYS_MS',
      delays,
      [...DefaultRetryDelaysMs],
      'Delays of the retry tiers in milliseconds, comma-separated (one retry topic per delay)',
    ),
    dedupRetentionMs: option(
      'FERRY_DEDUP_RETENTION_MS',
      integer({ min: 3_600_000 }),
      7 * 24 * 3_600_000,
      'How long processed event ids are kept; longer than the whole retry schedule plus replay time',
    ),
    stallAfterMs: option(
      'FERRY_STALL_AFTER_MS',
      integer({ min: 1000 }),
      300_000,
      'A consumer with lag and no progress for this long reports itself not live',
    ),
    notMemberAfterMs: option(
      'FERRY_NOT_MEMBER_AFTER_MS',
      integer({ min: 1000 }),
      DEFAULT_NOT_MEMBER_AFTER_MS,
      'A consumer out of its group (crashed and restarting, rejoining) for this long reports ' +
        'itself not live',
    ),
    unknownSchemaHoldMs: option(
      'FERRY_UNKNOWN_SCHEMA_HOLD_MS',
      integer({ min: 0 }),
      EventConsumerDefaults.unknownSchemaHoldMs,
      'How long a partition waits on a schema id the registry does not know before that record ' +
        'goes to the dead-letter topic',
    ),
  };
}

export type ConsumerConfig = ConfigOf<ReturnType<typeof consumerOptions>>;

/**
 * The topic and group of a service's one consumer, each with its variable: the catalog's topic
 * by default (its retry and dead-letter topics follow its name).
 */
export function consumerBindingOptions(binding: {
  readonly topic: TopicSpec;
  readonly topicVariable: string;
  readonly group: string;
  /** Default FERRY_CONSUMER_GROUP. */
  readonly groupVariable?: string;
}) {
  return {
    topic: option(
      binding.topicVariable,
      text,
      binding.topic.name,
      'Topic consumed (its retry and dead-letter topics follow its name)',
    ),
    groupId: option(
      binding.groupVariable ?? 'FERRY_CONSUMER_GROUP',
      text,
      binding.group,
      'Kafka consumer group (also the dedup scope)',
    ),
  };
}
