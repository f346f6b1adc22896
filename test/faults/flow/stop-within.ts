import type { RunningService } from '@ferry/test-support';

export type StopOutcome =
  | { readonly kind: 'exited'; readonly code: number | null; readonly afterMs: number }
  | { readonly kind: 'hung'; readonly afterMs: number };

/**
 * SIGTERM, and the exit code if the process ends within `withinMs`; a process that does not is
 * killed (SIGKILL) so that the case can go on, and reported as hung.
 */
export async function stopWithin(service: RunningService, withinMs: number): Promise<StopOutcome> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'hung'>((done) => {
    timer = setTimeout(() => {
      done('hung');
    }, withinMs);
  });
  const outcome = await Promise.race([service.stop(), timedOut]);
  clearTimeout(timer);
  const afterMs = Date.now() - started;
  if (outcome !== 'hung') return { kind: 'exited', code: outcome, afterMs };
  await service.kill();
  return { kind: 'hung', afterMs };
}
