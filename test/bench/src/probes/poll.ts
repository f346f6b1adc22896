import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` every `intervalMs` until it returns a value other than `undefined`. Unlike
 * `waitFor`, a probe that throws ends the wait at once: here a failed probe (the projector gone,
 * `/metrics` broken) is a real error, not a condition to wait out.
 */
export async function pollUntil<T>(
  description: string,
  probe: () => Promise<T | undefined>,
  options: { readonly timeoutMs: number; readonly intervalMs: number },
): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline)
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${description}`);
    await sleep(options.intervalMs);
  }
}
