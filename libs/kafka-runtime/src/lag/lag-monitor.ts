import type { Logger } from '@ferry/observability';
import { createKafka, type KafkaConnection } from '../connection';
import {
  DeadLetterBacklog,
  type DeadLetterBacklogOptions,
} from '../dead-letter/dead-letter-backlog';
import type { Admin, Kafka } from '../external/kafka.interface';
import type { GroupLag } from './group-lag';
import { lagMetrics, publishGroupLag, type LagErrorKind } from './lag-metrics';
import { readGroupLag, type GroupSelection } from './read-group-lag';
import { RecordTimestamps, type RecordPosition } from './record-timestamps';

export interface LagMonitorOptions extends GroupSelection {
  readonly connection: KafkaConnection;
  readonly logger: Logger;
  /** Pause between the end of one poll and the start of the next. */
  readonly pollIntervalMs: number;
  /** Longest a poll waits for the timestamps of the oldest unconsumed records. */
  readonly timestampTimeoutMs: number;
  /** Not ready once the last successful poll is older than this. */
  readonly staleAfterMs: number;
  /** Also reports the unresolved dead letters (`ferry_dlq_unresolved`) when given. */
  readonly deadLetters?: DeadLetterBacklogOptions;
  readonly now?: () => number;
}

export interface LagMonitorHealth {
  readonly live: boolean;
  readonly ready: boolean;
  readonly detail: string;
}

/**
 * Reads the lag of every Ferry consumer group from Kafka itself (committed offsets against log
 * ends), whether or not any of its consumers runs, and exports it as metrics.
 *
 * Lag in seconds is now − the timestamp of the first record the group has not consumed, read
 * from the record at the committed offset. Its error bound: the value is as old as the poll
 * (up to the poll interval plus the poll's own duration, plus Prometheus' scrape interval), and
 * the timestamp is the producer's clock (CreateTime, the default) or the broker's
 * (LogAppendTime topics), so the clock skew between that machine and this one adds to it (a
 * negative result is shown as 0). A producer that sets old timestamps itself (a replay keeping
 * the original time) makes the age that of the original event.
 *
 * Polls run one after another; a scrape serves the last result. When Kafka cannot be read the
 * last values stay, `ferry_lag_exporter_last_success_timestamp_seconds` stops moving,
 * `ferry_lag_exporter_errors_total{kind="offsets"}` counts, and readiness turns false after
 * `staleAfterMs`; the monitor itself never stops polling.
 */
export class LagMonitor {
  private readonly kafka: Kafka;
  private readonly timestamps: RecordTimestamps;
  private readonly deadLetters: DeadLetterBacklog | undefined;
  private readonly now: () => number;
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;
  private lastSuccessMs: number | undefined;
  private lastError: string | undefined;

  constructor(private readonly options: LagMonitorOptions) {
    this.kafka = createKafka(options.connection, options.logger);
    this.timestamps = new RecordTimestamps(
      this.kafka,
      options.logger,
      options.timestampTimeoutMs,
      options.concurrency,
    );
    this.deadLetters =
      options.deadLetters && new DeadLetterBacklog(this.kafka, options.logger, options.deadLetters);
    this.now = options.now ?? Date.now;
    for (const kind of ['offsets', 'timestamps', 'dead_letters'] satisfies LagErrorKind[])
      lagMetrics.errors.inc({ kind }, 0);
  }

  /** Starts polling; the first poll runs at once (not awaited: Kafka may be down at start). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  /** One poll: reads, then publishes; a failure is logged and counted, never thrown. */
  async poll(): Promise<void> {
    try {
      const admin = await this.connectedAdmin();
      const groups = await readGroupLag(admin, this.options);
      const timestampOf = await this.readTimestamps(admin, groups);
      const now = this.now();
      publishGroupLag(groups, timestampOf, now);
      this.lastSuccessMs = now;
      this.lastError = undefined;
      await this.readDeadLetters(admin, now);
    } catch (error: unknown) {
      lagMetrics.errors.inc({ kind: 'offsets' });
      this.lastError = error instanceof Error ? error.message : String(error);
      this.options.logger.warn('could not read consumer group lag; keeping the last values', {
        error,
      });
      // A fresh client next time: the old one may hold connections to a broker that is gone.
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
    }
  }

  health(): LagMonitorHealth {
    const last = this.lastSuccessMs;
    const age = last === undefined ? undefined : this.now() - last;
    const ready = age !== undefined && age <= this.options.staleAfterMs;
    const detail =
      age === undefined
        ? `no successful poll yet${this.lastError ? `: ${this.lastError}` : ''}`
        : `last successful poll ${Math.round(age / 1000)} s ago` +
          (this.lastError ? `; last poll failed: ${this.lastError}` : '');
    // Live whatever Kafka does: a restart would not bring a broker back.
    return { live: true, ready, detail };
  }

  /** A failure here leaves the dead-letter figures as they were and is counted on its own. */
  private async readDeadLetters(admin: Admin, now: number): Promise<void> {
    if (this.deadLetters === undefined) return;
    try {
      await this.deadLetters.poll(admin, now);
    } catch (error: unknown) {
      lagMetrics.errors.inc({ kind: 'dead_letters' });
      this.options.logger.warn('could not read the unresolved dead letters', { error });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().then(() => {
        this.schedule(this.options.pollIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async connectedAdmin(): Promise<Admin> {
    if (this.admin !== undefined) return this.admin;
    const admin = this.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  /**
   * Timestamps of the first unconsumed record of each partition with lag. A failure here costs
   * the lag in seconds of this poll (counted), not the lag in records.
   */
  private async readTimestamps(admin: Admin, groups: readonly GroupLag[]) {
    const positions: RecordPosition[] = groups.flatMap((group) =>
      group.partitions.flatMap((lag) =>
        lag.firstUnconsumedOffset === undefined
          ? []
          : [{ topic: lag.topic, partition: lag.partition, offset: lag.firstUnconsumedOffset }],
      ),
    );
    try {
      const { timestamps, missing } = await this.timestamps.read(admin, positions);
      if (missing > 0) {
        lagMetrics.errors.inc({ kind: 'timestamps' });
        this.options.logger.warn('timestamps of some unconsumed records could not be read', {
          missing,
        });
      }
      return (topic: string, partition: number, offset: bigint) =>
        timestamps.get(RecordTimestamps.keyOf({ topic, partition, offset }));
    } catch (error: unknown) {
      lagMetrics.errors.inc({ kind: 'timestamps' });
      this.options.logger.warn('could not read the timestamps of unconsumed records', { error });
      return () => undefined;
    }
  }
}
