/**
 * The tracing SDK's flush-and-stop, registered by `startTracing` and called by the service host
 * once the service has shut down (its last spans ended). Kept apart from the SDK so that the host
 * can call it without loading the SDK, which only a service's entry point does.
 */
let shutdown: (() => Promise<void>) | undefined;

/** Longest wait for the last spans to leave: a collector that is down must not hold the exit. */
export const TRACING_SHUTDOWN_TIMEOUT_MS = 5_000;

export function onTracingShutdown(stop: () => Promise<void>): void {
  shutdown = stop;
}

/** Flushes the spans not yet exported and stops the SDK; a no-op when tracing never started. */
export async function shutdownTracing(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  if (stop === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, TRACING_SHUTDOWN_TIMEOUT_MS);
    timer.unref();
  });
  // A failed export was reported by the SDK's own diagnostics; the exit goes on.
  await Promise.race([stop().catch(() => undefined), timeout]);
  clearTimeout(timer);
}
