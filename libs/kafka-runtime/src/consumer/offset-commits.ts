import type { Logger } from '@ferry/observability';
import { consumerMetrics } from './consumer-metrics';

export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to read: one past the last record applied. */
  readonly offset: string;
}

type Commit = (offsets: PartitionOffset[]) => Promise<void>;

const keyOf = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** After a failed commit, the next attempt comes this soon even when no slice hands one over. */
export const COMMIT_RETRY_MS = 1_000;

/**
 * Least time between two commit requests of a consumer. Under a stream of small slices (a busy
 * intake of small HTTP requests) a request per slice cost the broker and the consumer more than
 * the slices' own work; at most five a second carry the same offsets. A crash re-reads at most
 * this much more, and the event-id rows make that a no-op.
 */
export const COMMIT_SPACING_MS = 200;

/**
 * Offsets of applied slices, committed to Kafka after their transactions and off the apply path:
 * a slice hands its offset over once its transaction committed and goes on with the next one.
 * One commit request is in flight at a time, at least COMMIT_SPACING_MS after the one before, and
 * carries the newest offset of every partition handed over meanwhile: a burst of slices costs a
 * few requests, not one each.
 *
 * What is handed over but not yet committed when the process dies is read again by the
 * partition's next owner, and the event-id rows make that a no-op. `flush` (at stop) commits at
 * once and waits until everything handed over is committed. A failed commit keeps its offsets for
 * the next request (after COMMIT_RETRY_MS at the latest, so that an idle partition's committed
 * offset and the group's lag catch up too) unless a newer one came meanwhile; after a rebalance,
 * partitions this member lost are dropped.
 */
export class OffsetCommits {
  private readonly pending = new Map<string, PartitionOffset>();
  /** The request now in flight; it ends with the error of a failed commit, if it failed. */
  private inFlight: Promise<Error | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly commit: Commit,
    private readonly groupId: string,
    private readonly logger: Logger,
    private readonly spacingMs = COMMIT_SPACING_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The transaction that applied `partition` up to `lastOffset` has committed. */
  applied(topic: string, partition: number, lastOffset: string): void {
    this.pending.set(keyOf(topic, partition), {
      topic,
      partition,
      offset: (BigInt(lastOffset) + 1n).toString(),
    });
    this.schedule(this.lastSentAt + this.spacingMs - this.now());
  }

  /** Whether offsets are handed over and not yet committed. */
  waiting(): boolean {
    return this.pending.size > 0 || this.inFlight !== undefined;
  }

  /**
   * Commits what is pending now, without waiting for the spacing, and waits until every offset
   * handed over so far is committed; throws why an attempt failed (its offsets stay pending).
   */
  async flush(): Promise<void> {
    while (this.waiting()) {
      clearTimeout(this.timer);
      this.timer = undefined;
      const failure = await this.start();
      if (failure !== undefined) throw failure;
    }
  }

  /** After a rebalance: offsets of partitions no longer assigned to this member are not sent. */
  keepOnly(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  /** A request in `delayMs` (now when not positive), unless one is in flight or due already. */
  private schedule(delayMs: number): void {
    if (this.inFlight !== undefined || this.timer !== undefined || this.pending.size === 0) return;
    if (delayMs <= 0) {
      void this.start();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, delayMs);
    this.timer.unref();
  }

  /** The request in flight, or a new one with what is pending; cleared once it ended. */
  private start(): Promise<Error | undefined> {
    this.inFlight ??= this.sendPending().finally(() => {
      this.inFlight = undefined;
      // What came meanwhile goes with the next request, spaced from this one.
      this.schedule(this.lastSentAt + this.spacingMs - this.now());
    });
    return this.inFlight;
  }

  private async sendPending(): Promise<Error | undefined> {
    if (this.pending.size === 0) return undefined;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    this.lastSentAt = this.now();
    try {
      await this.commit(offsets);
    } catch (error: unknown) {
      this.failed(offsets, error);
      return error instanceof Error ? error : new Error(String(error));
    }
    return undefined;
  }

  private failed(offsets: readonly PartitionOffset[], error: unknown): void {
    for (const offset of offsets) {
      const key = keyOf(offset.topic, offset.partition);
      if (!this.pending.has(key)) this.pending.set(key, offset);
    }
    consumerMetrics.offsetCommitFailures.inc({ group: this.groupId });
    this.logger.warn('offset commit failed; the offsets go with the next commit', {
      group: this.groupId,
      partitions: offsets.length,
      error,
    });
    // At the latest after COMMIT_RETRY_MS, also when no slice hands an offset over.
    this.lastSentAt = Math.max(this.lastSentAt, this.now() + COMMIT_RETRY_MS - this.spacingMs);
  }
}
