import { StartupFailedError } from '../errors';
import { isAlive } from './liveness';
import { tailLines } from './log-file';
import type { ManagedProcess } from './managed-process';
import { waitUntil } from './wait';

/**
 * Waits until `check` passes for a process Ferry manages. Its death or the timeout ends the wait
 * with a StartupFailedError that shows the end of its log.
 */
export async function awaitReady(
  target: ManagedProcess,
  pid: number,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const outcome = await waitUntil(check, {
    timeoutMs,
    intervalMs: 250,
    failure: () => (isAlive(pid) ? undefined : `exited during startup (pid ${pid})`),
  });
  if (!outcome.ready)
    throw new StartupFailedError(
      target.name,
      outcome.reason,
      target.logFile,
      tailLines(target.logFile, 25),
    );
}
