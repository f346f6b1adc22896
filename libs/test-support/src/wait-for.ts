export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than `undefined`, and returns that value. Fails
 * after `timeoutMs` with `description` and the last value or error seen, so a stuck condition
 * explains itself.
 */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T | undefined> | T | undefined,
  options: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const interval = options.intervalMs ?? 100;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = undefined;
    } catch (error: unknown) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `; last error: ${last.message}` : '';
      throw new Error(`Timed out waiting for ${description}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
