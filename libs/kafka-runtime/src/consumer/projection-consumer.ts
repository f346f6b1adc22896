import {
  deadLetterTopicOf,
  retryTopicOf,
  DefaultRetryDelaysMs,
  FerryHeaders,
  type Entity,
  type EventContract,
  type EventEnvelope,
} from '@ferry/contracts';
import { detachedFromWork, inProcessSpan, type Logger } from '@ferry/observability';
import { recordFirstDeliveries, type Database, type Transaction } from '@ferry/persistence';
import {
  InvalidEventError,
  SchemaNotFoundError,
  TombstoneError,
} from '../errors';
import {
  type Consumer,
  type ConsumerRunConfig,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
} from '../external/kafka.interface';
import { DeadLetterDepth } from '../dead-letter/dead-letter-depth';
import { classifyFailure, FerryError } from '@ferry/failures';
import {
  DefaultCircuitBreakerPolicy,
  type CircuitBreakerPolicy,
} from '../failures/circuit-breaker';
import { splitDue } from '../failures/due-messages';
import { historyOf } from '../failures/failure-headers';
import { FailureRouter, type FailedRecord } from '../failures/failure-router';
import { resolveFailureDestination, type RetryPolicy } from '../failures/routing';
import { catalogTopicOf } from '../ownership/ownership-guard';
import { KeyParking } from '../parking/key-parking';
import { EventProducer } from '../producer/event-producer';
import { headStateAfter, type KeyOrdering } from '../parking/parking-plan';
import type { EventCodec } from '../registry/event-codec';
import { applyMetrics } from './apply-metrics';
import { AppliedAges } from './applied-ages';
import type { ApplyOutcome, ConsumedEvent } from './consumed-event';
import { consumerMetrics } from './consumer-metrics';
import type { ConsumerProgress } from './consumer-progress';
import { ConsumerSupervisor } from './consumer-supervisor';
import { deliveryProblems } from './delivery-checks';
import { DownstreamGate, DownstreamUnavailable } from './downstream-gate';
import { headersToRecord } from './headers';
import { withHeartbeats } from './heartbeat-pump';
import { PartitionLag } from './partition-lag';
import { PartitionPauses } from './partition-pauses';
import { processSpanOf } from './process-span';
import { firstDeliveries, slices } from './slices';
import {
  decideUnknownSchema,
  DEFAULT_UNKNOWN_SCHEMA_HOLD_MS,
  UnknownSchemaIds,
} from './unknown-schema-hold';

export interface ProjectionConsumerOptions<T extends EventEnvelope> {
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
  /** Most events per transaction; default 3000 (measured by the benchmark, see its README). */
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
  /** Epoch milliseconds; injectable so that tests can move time. */
  readonly clock?: () => number;
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

/** How often a held partition checks for shutdown and heartbeats. */
const HOLD_STEP_MS = 500;

const DEFAULT_SESSION_TIMEOUT_MS = 6_000;

/** Longest wait of a fetch for new records: an idle member hears of a rebalance this soon. */
const MAX_FETCH_WAIT_MS = 1_000;

interface Delivery<T> {
  readonly event: ConsumedEvent<T>;
  readonly message: KafkaMessage;
}

/**
 * Consumes one topic and its retry tiers into Postgres with exactly-once effects:
 * decode → one transaction (record event ids, apply the new ones) → commit offsets.
 *
 * Offsets are committed only after the transaction committed, and only while this instance still
 * owns the partition; a crash in between re-delivers the slice and the event-id rows make that a
 * no-op. Failures never block a partition: an event that fails alone goes to the next retry
 * topic (transient) or the dead-letter topic (permanent, or retries exhausted); a downstream
 * that cannot be reached pauses consumption instead (circuit breaker), using up no attempts.
 *
 * Retry topics give up per-partition order: a later event of a key can be applied before an
 * earlier one that is in retry. The version guard of state events makes that safe; other sinks
 * choose `ordering: 'per-key'`, which parks the key's later events until the earlier one is done.
 */
export class ProjectionConsumer<T extends EventEnvelope> {
  private readonly consumer: Consumer;
  private readonly producer: EventProducer;
  private readonly router: FailureRouter;
  private readonly gate: DownstreamGate;
  private readonly pauses: PartitionPauses;
  private readonly retryPolicy: RetryPolicy;
  private readonly parking: KeyParking<T> | undefined;
  private readonly deadLetterDepth: DeadLetterDepth;
  private readonly maxBatchSize: number;
  private readonly clock: () => number;
  private readonly topics: string[];
  private readonly lag: PartitionLag;
  private readonly supervisor: ConsumerSupervisor;
  private readonly heartbeatIntervalMs: number;
  private readonly entity: Entity;
  private readonly unknownSchemas = new UnknownSchemaIds();
  private readonly ages: AppliedAges<T>;
  private lastProgressAt: number;
  private held = 0;
  private holdReason: string | undefined;

  constructor(
    kafka: Kafka,
    private readonly codec: EventCodec,
    private readonly options: ProjectionConsumerOptions<T>,
  ) {
    this.entity = catalogTopicOf(options.contract.eventType).entity;
    const sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.heartbeatIntervalMs = Math.max(500, Math.floor(sessionTimeoutMs / 6));
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
      // After a retriable failure kafkajs restarts the consumer itself, after this pause.
      retry: { restartOnFailure: (error) => this.supervisor.beforeKafkaRestart(error) },
    });
    this.producer = new EventProducer(kafka);
    this.lag = new PartitionLag(options.groupId);
    this.supervisor = new ConsumerSupervisor(
      this.consumer,
      options.groupId,
      this.runConfig(),
      options.logger,
      options.clock ?? Date.now,
      // After a rebalance, lag of partitions another instance now owns is no longer this one's.
      (assignment) => {
        this.lag.keepOnly(assignment);
      },
    );
    this.deadLetterDepth = new DeadLetterDepth(
      kafka,
      deadLetterTopicOf(options.topic),
      options.deadLetterDepthIntervalMs ?? 30_000,
      options.logger,
    );
    this.maxBatchSize = options.maxBatchSize ?? 3000;
    this.clock = options.clock ?? Date.now;
    this.lastProgressAt = this.clock();
    const retry = options.retry ?? { delaysMs: DefaultRetryDelaysMs };
    this.retryPolicy = retry;
    this.topics = [
      options.topic,
      ...retry.delaysMs.map((delay) => retryTopicOf(options.topic, delay)),
    ];
    this.router = new FailureRouter(this.producer, {
      consumerGroup: options.groupId,
      eventType: options.contract.eventType,
      retry,
      clock: this.clock,
      logger: options.logger,
    });
    this.gate = new DownstreamGate(
      options.downstream ?? 'postgres',
      options.circuitBreaker ?? DefaultCircuitBreakerPolicy,
      this.clock,
    );
    this.pauses = new PartitionPauses(this.consumer, this.clock);
    this.ages = new AppliedAges(options.database, this.metricLabels(), this.clock);
    this.parking =
      (options.ordering ?? 'version-guarded') === 'per-key'
        ? new KeyParking({
            scope: { group: options.groupId, topic: options.topic },
            // Its releases apply parked events: their ages are observed like a slice's.
            database: this.ages.observedDatabase(),
            codec,
            contract: options.contract,
            applyFresh: (tx, events) => this.applyFresh(tx, events),
            router: this.router,
            gate: this.gate,
            logger: options.logger,
            maxBatchSize: this.maxBatchSize,
            sweepIntervalMs: options.parkingSweepMs ?? 10_000,
          })
        : undefined;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.deadLetterDepth.start();
    // Keys left releasing by a crash or an operator release are taken up at once.
    this.parking?.start();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.supervisor.start();
  }

  progress(): ConsumerProgress {
    return {
      lastProgressAt: this.lastProgressAt,
      lag: this.lag.workable(),
      held: this.held,
      ...(this.held > 0 && this.holdReason !== undefined ? { holdReason: this.holdReason } : {}),
      restarts: this.supervisor.restarts(),
      membership: this.supervisor.current(),
    };
  }

  private runConfig(): ConsumerRunConfig {
    return {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) =>
        withHeartbeats(payload, this.heartbeatIntervalMs, () => this.consumeBatch(payload)),
    };
  }

  /** Lets the current slices finish, commits them, leaves the group. */
  async stop(): Promise<void> {
    this.pauses.clear();
    await this.supervisor.stop();
    this.lag.clear();
    await this.parking?.stop();
    await this.deadLetterDepth.stop();
    await this.producer.disconnect();
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { topic, partition } = payload.batch;
    const isRetryTier = topic !== this.options.topic;
    this.lag.set(topic, partition, Number(payload.batch.offsetLagLow()) + 1);
    for (const slice of slices(payload.batch.messages, this.maxBatchSize)) {
      if (!payload.isRunning() || payload.isStale()) return;
      const started = process.hrtime.bigint();
      const split = isRetryTier
        ? this.splitRetrySlice(slice)
        : { due: slice, lastTakenOffset: slice.at(-1)?.offset, waitFor: undefined };
      const outcome = await this.handleUntilDownstreamAnswers(payload, topic, partition, split.due);
      if (outcome === undefined) return;
      if (split.lastTakenOffset !== undefined) {
        this.options.afterTransactionCommit?.({
          topic,
          partition,
          lastOffset: split.lastTakenOffset,
        });
        // Revoked while applying: the partition's new owner re-reads the slice and the event-id
        // rows turn it into a no-op. Committing here could overwrite the new owner's progress.
        if (payload.isStale()) return;
        await this.consumer.commitOffsets([
          { topic, partition, offset: (BigInt(split.lastTakenOffset) + 1n).toString() },
        ]);
        payload.resolveOffset(split.lastTakenOffset);
        this.lastProgressAt = this.clock();
        this.lag.set(
          topic,
          partition,
          Math.max(0, Number(payload.batch.highWatermark) - Number(split.lastTakenOffset) - 1),
        );
      }
      this.record(outcome, started, split.due.length);
      await payload.heartbeat();
      if (split.waitFor) {
        this.lag.waitingUntilDue(topic, partition);
        this.pauses.pause(payload, topic, partition, split.waitFor.dueAt);
        return;
      }
    }
  }

  /**
   * Handles a slice; while its downstream is unavailable (circuit open or unreachable), holds the
   * partition — heartbeating, committing nothing, using up no attempt — and tries the same slice
   * again when the circuit lets a probe through. Undefined when the consumer stops meanwhile.
   */
  private async handleUntilDownstreamAnswers(
    payload: EachBatchPayload,
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<ApplyOutcome | undefined> {
    for (;;) {
      try {
        return await this.handle(topic, partition, messages);
      } catch (error: unknown) {
        if (!(error instanceof DownstreamUnavailable)) throw error;
        const downstream = error.downstream ?? this.gate.name;
        this.options.logger.warn('downstream unavailable; consumption held', {
          topic,
          partition,
          downstream,
          retryAt: new Date(error.retryAt).toISOString(),
          error: error.cause,
        });
        this.holdReason = `${downstream} unavailable: ${reasonOf(error.cause)}`;
        this.held += 1;
        const stillOwned = await this.holdUntil(payload, error.retryAt).finally(() => {
          this.held -= 1;
        });
        if (!stillOwned) return undefined;
      }
    }
  }

  /** Waits until `until`, heartbeating; false if the consumer stops or loses the partition. */
  private async holdUntil(payload: EachBatchPayload, until: number): Promise<boolean> {
    while (this.clock() < until) {
      if (!payload.isRunning() || payload.isStale()) return false;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(HOLD_STEP_MS, Math.max(0, until - this.clock()))),
      );
      await payload.heartbeat();
    }
    return payload.isRunning() && !payload.isStale();
  }

  private splitRetrySlice(slice: KafkaMessage[]) {
    const candidates = slice.map((message) => ({
      offset: message.offset,
      headers: headersToRecord(message.headers),
      message,
    }));
    const split = splitDue(candidates, this.options.groupId, this.clock());
    return {
      due: split.due.map((candidate) => candidate.message),
      lastTakenOffset: split.lastTakenOffset,
      waitFor: split.waitFor,
    };
  }

  /** Decodes, applies and routes failures of one slice; throws DownstreamUnavailable to pause. */
  private async handle(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<ApplyOutcome> {
    if (messages.length === 0) return {};
    const { deliveries, failed } = await this.decode(topic, partition, messages);
    for (const record of failed)
      await this.holdKeyOf(
        record.key?.toString() ?? '',
        record.headers[FerryHeaders.eventId],
        record,
      );
    const outcome = await this.applyIsolatingFailures(deliveries, failed);
    await this.router.route(failed);
    return outcome;
  }

  private async decode(topic: string, partition: number, messages: readonly KafkaMessage[]) {
    const deliveries: Delivery<T>[] = [];
    const failed: FailedRecord[] = [];
    for (const message of messages) {
      const headers = headersToRecord(message.headers);
      const history = historyOf(headers, topic, partition, message.offset);
      try {
        const value = await this.decodeChecked(message);
        const event: ConsumedEvent<T> = {
          value,
          key: message.key?.toString() ?? '',
          topic: history.originalTopic,
          partition,
          offset: message.offset,
          timestamp: Number(message.timestamp),
          headers,
        };
        deliveries.push({ event, message });
      } catch (error: unknown) {
        if (error instanceof SchemaNotFoundError) this.holdOnUnknownSchema(error);
        const kind = classifyFailure(error);
        if (kind === 'unavailable')
          throw new DownstreamUnavailable(this.gate.recordFailure(), error);
        if (!(error instanceof FerryError) && kind === 'transient') throw error;
        failed.push({ key: message.key, value: message.value, headers, history, error, kind });
      }
    }
    return { deliveries, failed };
  }

  /**
   * The message's event, once it is known to be one this consumer may apply: not a tombstone,
   * decodable, from the entity's owner, keyed by its entity id, within its type's invariants.
   */
  private async decodeChecked(message: KafkaMessage): Promise<T> {
    const { contract } = this.options;
    if (message.value === null)
      throw new TombstoneError(
        'A record without a value (tombstone): Ferry topics carry whole states, never deletions',
      );
    const value = await this.codec.decode(message.value, contract);
    const problems = deliveryProblems(
      value,
      message.key?.toString() ?? null,
      this.entity,
      contract.eventType,
    );
    if (problems.length > 0) throw new InvalidEventError(contract.eventType, problems);
    if (this.unknownSchemas.any()) this.unknownSchemas.resolved(message.value.readUInt32BE(1));
    consumerMetrics.unknownSchemas.set(this.metricLabels(), this.unknownSchemas.count());
    return value;
  }

  /**
   * A schema id the registry does not know holds the partition (throws DownstreamUnavailable)
   * until it has stayed unknown for the hold time; then its record is dead-lettered like any
   * other permanent failure.
   */
  private holdOnUnknownSchema(error: SchemaNotFoundError): void {
    const now = this.clock();
    const firstSeenAt = this.unknownSchemas.firstSeenAt(error.schemaId, now);
    consumerMetrics.unknownSchemas.set(this.metricLabels(), this.unknownSchemas.count());
    const decision = decideUnknownSchema(
      firstSeenAt,
      now,
      this.options.unknownSchemaHoldMs ?? DEFAULT_UNKNOWN_SCHEMA_HOLD_MS,
    );
    if (decision.action === 'hold')
      throw new DownstreamUnavailable(decision.retryAt, error, 'schema registry');
    this.options.logger.error('schema id still unknown after the hold time; dead-lettering', {
      group: this.options.groupId,
      schemaId: error.schemaId,
      unknownForMs: decision.unknownForMs,
    });
  }

  private metricLabels() {
    return { group: this.options.groupId, topic: this.options.topic };
  }

  /**
   * One transaction for the whole slice; if it fails, each event alone, so that only the events
   * that really fail are moved to a retry or dead-letter topic.
   */
  private async applyIsolatingFailures(
    deliveries: Delivery<T>[],
    failed: FailedRecord[],
  ): Promise<ApplyOutcome> {
    if (deliveries.length === 0) return {};
    try {
      return await this.gate.run(() => this.applyInTransaction(deliveries));
    } catch (error: unknown) {
      if (error instanceof DownstreamUnavailable || deliveries.length === 1) {
        if (error instanceof DownstreamUnavailable) throw error;
        failed.push(await this.failedAlone(deliveries[0] as Delivery<T>, error));
        return {};
      }
    }
    const outcome: Record<string, number> = {};
    for (const delivery of deliveries) {
      try {
        const single = await this.gate.run(() => this.applyInTransaction([delivery]), true);
        for (const [name, count] of Object.entries(single))
          outcome[name] = (outcome[name] ?? 0) + count;
      } catch (error: unknown) {
        if (error instanceof DownstreamUnavailable) throw error;
        failed.push(await this.failedAlone(delivery, error));
      }
    }
    return outcome;
  }

  /**
   * An event that failed alone; with per-key ordering its key now waits for it, before any later
   * event of the key (in this slice too) is looked at.
   */
  private async failedAlone(delivery: Delivery<T>, error: unknown): Promise<FailedRecord> {
    const record = this.failedRecord(delivery, error);
    await this.holdKeyOf(delivery.event.key, delivery.event.value.eventId, record);
    return record;
  }

  private async holdKeyOf(
    key: string,
    eventId: string | undefined,
    record: FailedRecord,
  ): Promise<void> {
    if (this.parking === undefined) return;
    const destination = resolveFailureDestination(
      {
        originalTopic: record.history.originalTopic,
        attemptsMade: record.history.attemptsMade,
        kind: record.kind,
      },
      this.retryPolicy,
      this.clock(),
    );
    const parking = this.parking;
    // Postgres unreachable here holds the partition like any other unavailable downstream.
    await this.gate.run(() => parking.holdKey(key, eventId, headStateAfter(destination)));
  }

  private failedRecord(delivery: Delivery<T>, error: unknown): FailedRecord {
    const kind = classifyFailure(error);
    const { message, event } = delivery;
    return {
      key: message.key,
      value: message.value,
      headers: event.headers,
      history: historyOf(event.headers, event.topic, event.partition, event.offset),
      error,
      kind: kind === 'unavailable' ? 'transient' : kind,
    };
  }

  /** One transaction, in the CONSUMER span of its events (see processSpanOf). */
  private async applyInTransaction(deliveries: readonly Delivery<T>[]): Promise<ApplyOutcome> {
    return inProcessSpan(processSpanOf(this.options.groupId, deliveries), async () => {
      const outcome = await this.applyInTransactionUntraced(deliveries);
      this.options.logger.debug('slice applied', { events: deliveries.length, outcome });
      return outcome;
    });
  }

  private async applyInTransactionUntraced(
    deliveries: readonly Delivery<T>[],
  ): Promise<ApplyOutcome> {
    const parking = this.parking;
    if (parking === undefined)
      return this.ages.transaction((tx) =>
        this.applyFresh(
          tx,
          deliveries.map((d) => d.event),
        ),
      );
    const { outcome, releasing } = await this.ages.transaction((tx) =>
      parking.applyInKeyOrder(tx, deliveries),
    );
    // The release runs on its own, in spans of its own: not under this slice's.
    if (releasing.length > 0)
      detachedFromWork(() => {
        parking.wake();
      });
    return outcome;
  }

  /** Records the events' ids and applies the ones this group sees for the first time. */
  private async applyFresh(
    tx: Transaction,
    events: readonly ConsumedEvent<T>[],
  ): Promise<ApplyOutcome> {
    const fresh = await recordFirstDeliveries(
      tx,
      this.options.groupId,
      events.map((e) => e.value.eventId),
    );
    const firstSeen = firstDeliveries(events, (e) => e.value.eventId, fresh);
    const applied = firstSeen.length > 0 ? await this.options.apply(tx, firstSeen) : {};
    this.ages.applied(tx, firstSeen);
    return { ...applied, duplicate: events.length - firstSeen.length };
  }

  /** A slice that took no record (a retry tier's records not due yet) is not an apply. */
  private record(outcome: ApplyOutcome, started: bigint, taken: number): void {
    const labels = this.metricLabels();
    for (const [name, count] of Object.entries(outcome)) {
      if (count > 0) consumerMetrics.events.inc({ ...labels, outcome: name }, count);
    }
    if (taken === 0) return;
    applyMetrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    applyMetrics.batchSize.observe(labels, taken);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
