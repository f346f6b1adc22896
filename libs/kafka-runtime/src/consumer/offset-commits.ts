import type { Logger } from '@ferry/observability';
import { consumerMetrics } from './consumer-metrics';

export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to read: one past the last record applied. */
  readonly offset: string;
}

type Commit = (offsets: PartitionOffset[]) => Promise<void>;

/** After a failed commit, the next attempt comes this soon even when no slice hands one over. */
export const COMMIT_RETRY_MS = 1_000;

const keyOf = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * Offsets of applied slices, committed to Kafka after their transactions and off the apply path:
 * a slice hands its offset over once its transaction committed and goes on with the next one.
 * One commit request is in flight at a time and carries the newest offset of every partition
 * handed over meanwhile, so a burst of slices costs one request, not one each.
 *
 * What is handed over but not yet committed when the process dies is read again by the
 * partition's next owner, and the event-id rows make that a no-op. `flush` (at stop) waits until
 * everything handed over is committed. A failed commit keeps its offsets for the next request
 * (the next slice's, or a retry after COMMIT_RETRY_MS, so that an idle partition's committed
 * offset and the group's lag catch up too) unless a newer one came meanwhile; after a rebalance,
 * partitions this member lost are dropped.
 */
export class OffsetCommits {
  private readonly pending = new Map<string, PartitionOffset>();
  /** The request loop now running; it ends with the error of a failed commit, if one failed. */
  private inFlight: Promise<Error | undefined> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly commit: Commit,
    private readonly groupId: string,
    private readonly logger: Logger,
  ) {}

  /** The transaction that applied `partition` up to `lastOffset` has committed. */
  applied(topic: string, partition: number, lastOffset: string): void {
    this.pending.set(keyOf(topic, partition), {
      topic,
      partition,
      offset: (BigInt(lastOffset) + 1n).toString(),
    });
    void this.start();
  }

  /** Whether offsets are handed over and not yet committed. */
  waiting(): boolean {
    return this.pending.size > 0 || this.inFlight !== undefined;
  }

  /**
   * Waits until every offset handed over so far is committed, or throws why the last attempt
   * failed (its offsets stay pending).
   */
  async flush(): Promise<void> {
    while (this.waiting()) {
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

  /** The running request loop, started if none runs; cleared once it ended (never before). */
  private start(): Promise<Error | undefined> {
    this.inFlight ??= this.send().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async send(): Promise<Error | undefined> {
    while (this.pending.size > 0) {
      const offsets = [...this.pending.values()];
      this.pending.clear();
      try {
        await this.commit(offsets);
      } catch (error: unknown) {
        this.failed(offsets, error);
        return error instanceof Error ? error : new Error(String(error));
      }
    }
    return undefined;
  }

  private failed(offsets: readonly PartitionOffset[], error: unknown): void {
    for (const offset of offsets) {
      const key = keyOf(offset.topic, offset.partition);
      if (!this.pending.has(key)) this.pending.set(key, offset);
    }
    consumerMetrics.offsetCommitFailures.inc({ group: this.groupId });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      void this.start();
    }, COMMIT_RETRY_MS);
    this.retryTimer.unref();
    this.logger.warn('offset commit failed; the offsets go with the next commit', {
      group: this.groupId,
      partitions: offsets.length,
      error,
    });
  }
}
