import {
  deadLetterTopicOf,
  retryTopicOf,
  DefaultRetryDelaysMs,
  FerryHeaders,
  type EventEnvelope,
} from '@ferry/contracts';
import { systemClock, type Clock } from '@ferry/time';
import { DefaultCircuitBreakerPolicy } from '../breaker/circuit-breaker';
import { DownstreamGate } from '../breaker/downstream-gate';
import { DeadLetterDepth } from '../dead-letter/dead-letter-depth';
import type {
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
} from '../external/kafka.interface';
import { FailureRouter } from '../failures/failure-router';
import { KeyParking } from '../parking/key-parking';
import { EventProducer } from '../producer/event-producer';
import type { EventCodec } from '../registry/event-codec';
import { splitDue } from '../retry/due-messages';
import { applyMetrics } from './apply-metrics';
import { AppliedAges } from './applied-ages';
import type { ApplyOutcome } from './consumed-event';
import { EventConsumerDefaults, type EventConsumerOptions } from './consumer-options';
import { consumerMetrics } from './consumer-metrics';
import type { ConsumerProgress } from './consumer-progress';
import { ConsumerSupervisor } from './consumer-supervisor';
import { headersToRecord } from '../headers';
import { OffsetCommits } from './offset-commits';
import { PartitionHolds } from './partition-holds';
import { PartitionLag } from './partition-lag';
import { PartitionPauses } from './partition-pauses';
import { SliceApplier } from './slice-applier';
import { SliceDecoder } from './slice-decoder';
import { slices } from './slices';

export type { EventConsumerOptions } from './consumer-options';

/** Longest wait of a fetch for new records: an idle member hears of a rebalance this soon. */
const MAX_FETCH_WAIT_MS = 1_000;

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
export class EventConsumer<T extends EventEnvelope> {
  private readonly consumer: Consumer;
  private readonly producer: EventProducer;
  private readonly router: FailureRouter;
  private readonly decoder: SliceDecoder<T>;
  private readonly applier: SliceApplier<T>;
  private readonly holds: PartitionHolds;
  private readonly pauses: PartitionPauses;
  private readonly parking: KeyParking<T> | undefined;
  private readonly deadLetterDepth: DeadLetterDepth;
  private readonly maxBatchSize: number;
  private readonly clock: Clock;
  private readonly topics: string[];
  private readonly lag: PartitionLag;
  private readonly commits: OffsetCommits;
  private readonly supervisor: ConsumerSupervisor;
  private readonly heartbeatIntervalMs: number;
  private lastProgressAt: number;

  constructor(
    kafka: Kafka,
    codec: EventCodec,
    private readonly options: EventConsumerOptions<T>,
  ) {
    const { groupId, topic, contract, logger } = options;
    this.clock = options.clock ?? systemClock;
    const now = () => this.clock.now();
    const sessionTimeoutMs = options.sessionTimeoutMs ?? EventConsumerDefaults.sessionTimeoutMs;
    this.heartbeatIntervalMs = Math.max(500, Math.floor(sessionTimeoutMs / 6));
    this.consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition:
        options.maxBytesPerPartition ?? EventConsumerDefaults.maxBytesPerPartition,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
      // After a retriable failure kafkajs restarts the consumer itself, after this pause.
      retry: { restartOnFailure: (error) => this.supervisor.beforeKafkaRestart(error) },
    });
    this.producer = new EventProducer(kafka);
    this.lag = new PartitionLag(groupId);
    this.commits = new OffsetCommits(
      (offsets) => this.consumer.commitOffsets(offsets),
      groupId,
      logger,
    );
    // After a rebalance, lag and offsets of partitions another instance now owns are not this one's.
    this.supervisor = new ConsumerSupervisor(
      this.consumer,
      groupId,
      this.runConfig(),
      logger,
      now,
      (assignment) => {
        this.lag.keepOnly(assignment);
        this.commits.keepOnly(assignment);
      },
    );
    this.deadLetterDepth = new DeadLetterDepth(
      kafka,
      deadLetterTopicOf(topic),
      options.deadLetterDepthIntervalMs ?? 30_000,
      logger,
    );
    this.maxBatchSize = options.maxBatchSize ?? EventConsumerDefaults.maxBatchSize;
    this.lastProgressAt = now();
    const retry = options.retry ?? { delaysMs: DefaultRetryDelaysMs };
    this.topics = [topic, ...retry.delaysMs.map((delay) => retryTopicOf(topic, delay))];
    this.router = new FailureRouter(this.producer, {
      consumerGroup: groupId,
      eventType: contract.eventType,
      retry,
      clock: now,
      logger,
    });
    const gate = new DownstreamGate(
      options.downstream ?? 'postgres',
      options.circuitBreaker ?? DefaultCircuitBreakerPolicy,
      now,
    );
    this.holds = new PartitionHolds(this.clock, gate.name, logger);
    this.pauses = new PartitionPauses(this.consumer, now);
    const ages = new AppliedAges<T>(options.database, this.metricLabels(), now);
    this.decoder = new SliceDecoder({
      groupId,
      topic,
      contract,
      codec,
      gate,
      router: this.router,
      unknownSchemaHoldMs: options.unknownSchemaHoldMs,
      now,
      logger,
    });
    this.parking =
      (options.ordering ?? 'version-guarded') === 'per-key'
        ? new KeyParking({
            scope: { group: groupId, topic },
            // Its releases apply parked events: their ages are observed like a slice's.
            database: ages.observedDatabase(),
            codec,
            contract,
            applyFresh: (tx, events) => this.applier.applyFresh(tx, events),
            router: this.router,
            gate,
            logger,
            maxBatchSize: this.maxBatchSize,
            sweepIntervalMs: options.parkingSweepMs ?? 10_000,
          })
        : undefined;
    this.applier = new SliceApplier({
      groupId,
      apply: options.apply,
      gate,
      router: this.router,
      ages,
      parking: this.parking,
      logger,
    });
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
      ...this.holds.held(),
      restarts: this.supervisor.restarts(),
      membership: this.supervisor.current(),
    };
  }

  /** Lets the current slices finish, commits their offsets, leaves the group. */
  async stop(): Promise<void> {
    this.pauses.clear();
    await this.flushCommits();
    // kafkajs waits for the batches in hand; each flushes its own offsets as it ends (consumeBatch).
    await this.supervisor.stop();
    this.lag.clear();
    await this.parking?.stop();
    await this.deadLetterDepth.stop();
    await this.producer.disconnect();
  }

  private runConfig(): ConsumerRunConfig {
    return {
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently:
        this.options.partitionsConsumedConcurrently ??
        EventConsumerDefaults.partitionsConsumedConcurrently,
      eachBatch: (payload) =>
        withHeartbeats(payload, this.heartbeatIntervalMs, () => this.consumeBatch(payload)),
    };
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    try {
      await this.consumeSlices(payload);
    } finally {
      // Stopping: what this batch applied is committed before kafkajs leaves the group.
      if (!payload.isRunning()) await this.flushCommits();
    }
  }

  private async flushCommits(): Promise<void> {
    try {
      await this.commits.flush();
    } catch {
      // Logged by OffsetCommits; the next owner re-reads those slices as no-ops.
    }
  }

  private async consumeSlices(payload: EachBatchPayload): Promise<void> {
    const { topic, partition } = payload.batch;
    const isRetryTier = topic !== this.options.topic;
    this.lag.set(topic, partition, Number(payload.batch.offsetLagLow()) + 1);
    for (const slice of slices(payload.batch.messages, this.maxBatchSize)) {
      if (!payload.isRunning() || payload.isStale()) return;
      const started = process.hrtime.bigint();
      const split = isRetryTier
        ? this.splitRetrySlice(slice)
        : { due: slice, lastTakenOffset: slice.at(-1)?.offset, waitFor: undefined };
      const outcome = await this.holds.untilAnswered(payload, { topic, partition }, () =>
        this.handle(topic, partition, split.due),
      );
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
        // Only now, after the transaction: committed off the apply path, coalesced per partition.
        this.commits.applied(topic, partition, split.lastTakenOffset);
        payload.resolveOffset(split.lastTakenOffset);
        this.lastProgressAt = this.clock.now();
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

  private splitRetrySlice(slice: KafkaMessage[]) {
    const candidates = slice.map((message) => ({
      offset: message.offset,
      headers: headersToRecord(message.headers),
      message,
    }));
    const split = splitDue(candidates, this.options.groupId, this.clock.now());
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
    const { deliveries, failed } = await this.decoder.decode(topic, partition, messages);
    for (const record of failed)
      await this.applier.holdKeyOf(
        record.key?.toString() ?? '',
        record.headers[FerryHeaders.eventId],
        record,
      );
    const outcome = await this.applier.apply(deliveries, failed);
    if (failed.length > 0) await this.router.route(failed);
    return outcome;
  }

  private metricLabels() {
    return { group: this.options.groupId, topic: this.options.topic };
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

/**
 * kafkajs heartbeats only between batches and when a handler asks it to; a slice whose
 * transaction waits on a slow or frozen Postgres would otherwise go silent for longer than the
 * session timeout, and the group would move its partitions away mid-work. While a batch is being
 * handled, this asks kafkajs to heartbeat every `intervalMs` (kafkajs sends one only when its own
 * interval has passed). A failed heartbeat (a rebalance began) is not acted on here: the handler's
 * next own heartbeat meets the same answer and kafkajs rejoins.
 */
async function withHeartbeats<R>(
  payload: EachBatchPayload,
  intervalMs: number,
  work: () => Promise<R>,
): Promise<R> {
  const timer = setInterval(() => {
    payload.heartbeat().catch(() => undefined);
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
