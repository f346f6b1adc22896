import { boolean, commaList, integer, option, text } from '@ferry/config';
import { DefaultRetryDelaysMs } from '@ferry/contracts';
import { databaseTimeoutOptions } from '@ferry/persistence';

function delays(raw: string): number[] {
  return commaList(raw).map(integer({ min: 1 }));
}

/**
 * What every projection service reads from its environment, next to the Kafka connection and the
 * registry. `defaults` are the service's own (topic and its variable, group).
 */
export function projectionOptions(defaults: {
  topic: string;
  topicVariable: string;
  group: string;
  /** For a service with several consumers: each names its group's variable; default FERRY_CONSUMER_GROUP. */
  groupVariable?: string;
}) {
  return {
    databaseUrl: option(
      'DATABASE_URL',
      text,
      'postgres://postgres@127.0.0.1:5432/ferry',
      'Postgres connection string',
    ),
    databaseSchema: option(
      'FERRY_DB_SCHEMA',
      text,
      'public',
      'Postgres schema holding the projection and dedup tables',
    ),
    topic: option(
      defaults.topicVariable,
      text,
      defaults.topic,
      'Topic consumed (its retry and dead-letter topics follow its name)',
    ),
    groupId: option(
      defaults.groupVariable ?? 'FERRY_CONSUMER_GROUP',
      text,
      defaults.group,
      'Kafka consumer group (also the dedup scope)',
    ),
    maxBatchSize: option(
      'FERRY_MAX_BATCH_SIZE',
      integer({ min: 1, max: 10000 }),
      3000,
      'Most events applied in one transaction',
    ),
    maxBytesPerPartition: option(
      'FERRY_FETCH_MAX_BYTES_PER_PARTITION',
      integer({ min: 1024 }),
      1_048_576,
      'Bytes fetched per partition per request (bounds memory per batch)',
    ),
    ...databaseTimeoutOptions,
    sessionTimeoutMs: option(
      'FERRY_SESSION_TIMEOUT_MS',
      integer({ min: 6000, max: 300_000 }),
      6_000,
      'How long the group waits for a silent instance before moving its partitions (heartbeats ' +
        'go out every sixth of it, also during long transactions)',
    ),
    partitionsConcurrently: option(
      'FERRY_PARTITIONS_CONCURRENTLY',
      integer({ min: 1, max: 64 }),
      3,
      'Partitions applied in parallel',
    ),
    retryDelaysMs: option(
      'FERRY_RETRY_DELAYS_MS',
      delays,
      [...DefaultRetryDelaysMs],
      'Delays of the retry tiers in milliseconds, comma-separated (one retry topic per delay)',
    ),
    createTopics: option(
      'FERRY_CREATE_TOPICS',
      boolean,
      true,
      'Create missing topics at start (off where topics are managed elsewhere)',
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
      60_000,
      'A consumer out of its group (crashed and restarting, rejoining) for this long reports ' +
        'itself not live',
    ),
    unknownSchemaHoldMs: option(
      'FERRY_UNKNOWN_SCHEMA_HOLD_MS',
      integer({ min: 0 }),
      15 * 60_000,
      'How long a partition waits on a schema id the registry does not know before that record ' +
        'goes to the dead-letter topic',
    ),
  };
}
