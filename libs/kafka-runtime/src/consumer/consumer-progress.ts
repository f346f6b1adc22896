import type { Membership } from './membership';

/** What the consumer reports about its own progress, for liveness and readiness. */
export interface ConsumerProgress {
  /** Last time a slice was handled and committed (or the consumer started). */
  readonly lastProgressAt: number;
  /**
   * Records known to be waiting on the partitions this instance owns and could work on (a retry
   * tier's records that are not due yet do not count).
   */
  readonly lag: number;
  /** Partitions held because their downstream is unavailable. */
  readonly held: number;
  /** Why the last partition was held (the downstream and its error), while any is. */
  readonly holdReason?: string;
  readonly restarts: number;
  readonly membership: Membership;
}

export interface HealthBounds {
  /** Lag that has not moved for this long means the consumer is wedged. */
  readonly stallAfterMs: number;
  /** Out of its group (crashed, restarting, rejoining) for this long means it is dead. */
  readonly notMemberAfterMs: number;
}

/** Default of `notMemberAfterMs`: several restarts and rebalances fit in it. */
export const DEFAULT_NOT_MEMBER_AFTER_MS = 60_000;

export type ConsumerHealth =
  | { readonly live: true; readonly ready: boolean; readonly detail: string }
  | { readonly live: false; readonly ready: false; readonly detail: string };

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

/**
 * Health from progress. Not live (restart the process): out of its group for longer than
 * `notMemberAfterMs` (it consumes nothing, whatever the reason), or lag that has not moved for
 * `stallAfterMs` (wedged). Live but not ready: joining or rejoining its group, or deliberately
 * holding because a downstream is down. A member without lag is healthy however long it idles.
 */
export function consumerHealth(
  progress: ConsumerProgress,
  now: number,
  bounds: HealthBounds,
): ConsumerHealth {
  const { membership } = progress;
  if (!membership.member) {
    const outForMs = now - membership.since;
    const detail = `not a member of its group for ${seconds(outForMs)} s: ${membership.reason}`;
    return outForMs > bounds.notMemberAfterMs
      ? { live: false, ready: false, detail }
      : { live: true, ready: false, detail };
  }
  if (progress.held > 0)
    return {
      live: true,
      ready: false,
      detail: `holding ${progress.held} partition(s): ${progress.holdReason ?? 'downstream unavailable'}`,
    };
  const idleMs = now - progress.lastProgressAt;
  if (progress.lag > 0 && idleMs > bounds.stallAfterMs) {
    return {
      live: false,
      ready: false,
      detail: `${progress.lag} records waiting and no progress for ${seconds(idleMs)} s`,
    };
  }
  return {
    live: true,
    ready: true,
    detail: progress.lag > 0 ? `${progress.lag} records behind` : 'caught up',
  };
}
