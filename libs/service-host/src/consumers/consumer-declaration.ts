import type { EventContract, EventEnvelope, TopicSpec } from '@ferry/contracts';
import type {
  ApplyOutcome,
  ConsumedEvent,
  ConsumerProgress,
  EventConsumerOptions,
  KafkaRuntime,
  KeyOrdering,
} from '@ferry/kafka-runtime';
import type { MigrationSource, Transaction } from '@ferry/persistence';

/**
 * Everything a consumer is: which events, from which catalog topic, into which tables, by which
 * function. Projections, the WMS sink and the ERP sinks are all declarations like this; the
 * consumer host runs every one the same way (dedup, retries, dead letters, breaker, health,
 * metrics, the dedup purge).
 */
export interface ConsumerDeclaration<T extends EventEnvelope> {
  /** Its readiness component and log name. */
  readonly name: string;
  readonly topic: TopicSpec;
  readonly contract: EventContract<T>;
  /** The consumer's own tables; Ferry's dedup and parking tables are always added. */
  readonly migrations?: readonly MigrationSource[];
  /** A plain function: the runtime alone decides commit, retry or dead letter. */
  readonly apply: (tx: Transaction, events: readonly ConsumedEvent<T>[]) => Promise<ApplyOutcome>;
  /**
   * The system `apply` writes to (default `postgres`): its outage opens this consumer's circuit
   * breaker and holds its partitions instead of using up retry attempts.
   */
  readonly downstream?: string;
  /**
   * `per-key` for sinks whose writes are not guarded by a version: a key's later events wait
   * while an earlier one is in retry. Default `version-guarded`.
   */
  readonly ordering?: KeyOrdering;
}

/** Where a declared consumer reads in one service: its topic and its group (the dedup scope). */
export interface ConsumerBinding {
  readonly topic: string;
  readonly groupId: string;
}

/** What the host gives every consumer it runs: the pool and the service's tuning. */
export type SharedConsumerOptions = Omit<
  EventConsumerOptions<EventEnvelope>,
  'groupId' | 'topic' | 'contract' | 'apply' | 'logger' | 'downstream' | 'ordering'
>;

/** A consumer as the host runs it, whatever its event type. */
export interface RunningConsumer {
  start(): Promise<void>;
  /** Lets the current slices finish, commits them, leaves the group. */
  stop(): Promise<void>;
  progress(): ConsumerProgress;
}

/**
 * A declaration bound to its topic and group, ready for the host: it opens its consumer with the
 * declaration's own event type, so no list of consumers needs to erase it.
 */
export interface HostedConsumer {
  readonly name: string;
  readonly spec: TopicSpec;
  readonly binding: ConsumerBinding;
  readonly ordering: KeyOrdering;
  open(runtime: KafkaRuntime, shared: SharedConsumerOptions): RunningConsumer;
}

export function hostConsumer<T extends EventEnvelope>(
  declaration: ConsumerDeclaration<T>,
  binding: ConsumerBinding,
): HostedConsumer {
  const ordering = declaration.ordering ?? 'version-guarded';
  // Only these two: a caller may pass its whole configuration, secrets and all, as the binding.
  const { topic, groupId } = binding;
  return {
    name: declaration.name,
    spec: declaration.topic,
    binding: { topic, groupId },
    ordering,
    open: (runtime, shared) =>
      runtime.consumer<T>({
        ...shared,
        groupId,
        topic,
        contract: declaration.contract,
        apply: declaration.apply,
        downstream: declaration.downstream ?? 'postgres',
        ordering,
      }),
  };
}
