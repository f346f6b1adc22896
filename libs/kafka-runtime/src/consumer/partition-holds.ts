import type { Logger } from '@ferry/observability';
import type { Clock } from '@ferry/time';
import { DownstreamUnavailable } from '../breaker/downstream-gate';
import type { EachBatchPayload } from '../external/kafka.interface';

/** How often a held partition checks for shutdown and heartbeats. */
const HOLD_STEP_MS = 500;

/**
 * Holds partitions while their downstream is unavailable (circuit open or unreachable):
 * heartbeating, committing nothing, using up no attempt, and trying the same work again when the
 * circuit lets a probe through. Counts what it holds and why, for health.
 */
export class PartitionHolds {
  private count = 0;
  private lastReason: string | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly defaultDownstream: string,
    private readonly logger: Logger,
  ) {}

  /** Partitions held now, and why the last one was. */
  held(): { readonly held: number; readonly holdReason?: string } {
    return this.count > 0 && this.lastReason !== undefined
      ? { held: this.count, holdReason: this.lastReason }
      : { held: this.count };
  }

  /** Runs `work` until its downstream answers; undefined when the consumer stops meanwhile. */
  async untilAnswered<R>(
    payload: EachBatchPayload,
    where: { readonly topic: string; readonly partition: number },
    work: () => Promise<R>,
  ): Promise<R | undefined> {
    for (;;) {
      try {
        return await work();
      } catch (error: unknown) {
        if (!(error instanceof DownstreamUnavailable)) throw error;
        const downstream = error.downstream ?? this.defaultDownstream;
        this.logger.warn('downstream unavailable; consumption held', {
          ...where,
          downstream,
          retryAt: new Date(error.retryAt).toISOString(),
          error: error.cause,
        });
        this.lastReason = `${downstream} unavailable: ${reasonOf(error.cause)}`;
        this.count += 1;
        const stillOwned = await this.holdUntil(payload, error.retryAt).finally(() => {
          this.count -= 1;
        });
        if (!stillOwned) return undefined;
      }
    }
  }

  /** Waits until `until`, heartbeating; false if the consumer stops or loses the partition. */
  private async holdUntil(payload: EachBatchPayload, until: number): Promise<boolean> {
    while (this.clock.now() < until) {
      if (!payload.isRunning() || payload.isStale()) return false;
      await this.clock.sleep(Math.min(HOLD_STEP_MS, Math.max(0, until - this.clock.now())));
      await payload.heartbeat();
    }
    return payload.isRunning() && !payload.isStale();
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
