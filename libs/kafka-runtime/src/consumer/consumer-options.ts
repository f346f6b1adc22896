import type { EventContract, EventEnvelope } from '@ferry/contracts';
import type { Logger } from '@ferry/observability';
import type { Database, Transaction } from '@ferry/persistence';
import type { Clock } from '@ferry/time';
import type { CircuitBreakerPolicy } from '../breaker/circuit-breaker';
import type { KeyOrdering } from '../parking/parking-plan';
import type { RetryPolicy } from '../retry/retry-schedule';
import type { ApplyOutcome, ConsumedEvent } from './consumed-event';

export interface EventConsumerOptions<T extends EventEnvelope> {
  readonly groupId: string;
  readonly topic: string;
  readonly contract: EventContract<T>;
  readonly database: Database;
  /**
   * Applies events this group sees for the first time, inside the transaction that records them
   * as processed. Throwing rolls the whole slice back; the runtime then retries each event alone
   * and routes the ones that fail (retry topic, dead-letter topic), never the handler.
   */
  readonly apply: (tx: Transaction, events: readonly ConsumedEvent<T>[]) => Promise<ApplyOutcome>;
  readonly logger: Logger;
  /**
   * Most events per transaction; default 5000, above what one partition's fetch of 1 MiB holds
   * (~3,300 InventoryLevelSet records), so a fetch is one transaction: the benchmark measured
   * 5000 against 3000 (a fetch cut in two) at 25.7 → 19.9 µs of Postgres CPU per event.
   */
  readonly maxBatchSize?: number;
  /** Bytes fetched per partition per request; default 1 MiB, Kafka's own. */
  readonly maxBytesPerPartition?: number;
  /**
   * How long the group waits for a silent member before rebalancing its partitions away; default
   * 6 s (Kafka's smallest by default), so that a crashed instance's partitions flow again within
   * seconds. Heartbeats go out every sixth of it, also while a slice is being applied, so a long
   * transaction does not cost the partitions.
   */
  readonly sessionTimeoutMs?: number;
  readonly partitionsConsumedConcurrently?: number;
  /** Where a group with no committed offset starts; a new projection rebuilds from history. */
  readonly fromBeginning?: boolean;
  /** Delays of the retry tiers; default 30 s, 2 min, 8 min, 30 min, 2 h. */
  readonly retry?: RetryPolicy;
  /** Name of the downstream system `apply` writes to, for the circuit breaker and its metric. */
  readonly downstream?: string;
  readonly circuitBreaker?: CircuitBreakerPolicy;
  /**
   * `version-guarded` (default): a key's later events are applied while an earlier one waits in a
   * retry tier; right for state upserts guarded by the source version. `per-key`: they are parked
   * in Postgres until it succeeds (or an operator releases the key), then applied in order; for
   * sinks whose writes are not idempotent by version. See docs/consumer-runtime.md.
   */
  readonly ordering?: KeyOrdering;
  /**
   * How long a partition is held on a schema id the registry does not know before its record is
   * dead-lettered; default 15 min (see docs/consumer-runtime.md, "Unknown schema ids").
   */
  readonly unknownSchemaHoldMs?: number;
  /** How often to read the depth of the dead-letter topic (`ferry_dlq_records`); default 30 s. */
  readonly deadLetterDepthIntervalMs?: number;
  /** With `per-key` ordering: how often to look for keys to release; default 10 s. */
  readonly parkingSweepMs?: number;
  /** Injectable so that tests can move time. */
  readonly clock?: Clock;
  /**
   * Called after a slice's transaction committed and before its offsets are committed: the
   * window in which a crash re-delivers work that is already applied. Failure tests kill the
   * process here.
   */
  readonly afterTransactionCommit?: (slice: {
    topic: string;
    partition: number;
    lastOffset: string;
  }) => void;
}

/**
 * What a consumer does where its options say nothing; the services' consumer options default to
 * these as well, so the two cannot disagree.
 */
export const EventConsumerDefaults = {
  maxBatchSize: 5000,
  maxBytesPerPartition: 1_048_576,
  sessionTimeoutMs: 6_000,
  partitionsConsumedConcurrently: 3,
  unknownSchemaHoldMs: 15 * 60_000,
} as const;
