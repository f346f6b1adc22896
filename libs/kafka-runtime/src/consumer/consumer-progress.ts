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
  readonly restarts: number;
}

export type ConsumerHealth =
  | { readonly live: true; readonly ready: boolean; readonly detail: string }
  | { readonly live: false; readonly ready: false; readonly detail: string };

/**
 * Health from progress: a consumer with lag that has not moved for `stallAfterMs` is wedged (not
 * live: restart it), unless it is deliberately holding because its downstream is down (live, not
 * ready). A consumer without lag is healthy however long it has been idle.
 */
export function consumerHealth(
  progress: ConsumerProgress,
  now: number,
  stallAfterMs: number,
): ConsumerHealth {
  if (progress.held > 0)
    return {
      live: true,
      ready: false,
      detail: `holding ${progress.held} partition(s): downstream unavailable`,
    };
  const idleMs = now - progress.lastProgressAt;
  if (progress.lag > 0 && idleMs > stallAfterMs) {
    return {
      live: false,
      ready: false,
      detail: `${progress.lag} records waiting and no progress for ${Math.round(idleMs / 1000)} s`,
    };
  }
  return {
    live: true,
    ready: true,
    detail: progress.lag > 0 ? `${progress.lag} records behind` : 'caught up',
  };
}
