export interface WaitOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Checked before each attempt; a returned reason ends the wait at once (e.g. the process died). */
  readonly failure?: () => string | undefined;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type WaitOutcome =
  { readonly ready: true } | { readonly ready: false; readonly reason: string };

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it answers true, the deadline passes, or `failure` reports a reason. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: WaitOptions,
): Promise<WaitOutcome> {
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? sleep;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    const failure = options.failure?.();
    if (failure !== undefined) return { ready: false, reason: failure };
    if (await check().catch(() => false)) return { ready: true };
    if (now() >= deadline)
      return {
        ready: false,
        reason: `was not ready after ${Math.round(options.timeoutMs / 1000)} s`,
      };
    await pause(options.intervalMs ?? 250);
  }
}
