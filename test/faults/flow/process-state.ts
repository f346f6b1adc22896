import type { RunningService } from '@ferry/test-support';

/** Whether a process with this pid runs (a service that crashed does not). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The last lines a process wrote: why it ended, for a failure message. */
export function lastWords(service: RunningService, lines = 3): string {
  return service.output().trimEnd().split('\n').slice(-lines).join(' / ').slice(0, 600);
}

/**
 * A line for every process of `processes` (by name) that is gone although the case did not end it
 * (`endedOnPurpose`), with its last words.
 */
export function crashedProcesses(
  processes: readonly (readonly [string, RunningService])[],
  endedOnPurpose: ReadonlySet<RunningService> = new Set(),
): string[] {
  return processes
    .filter(([, service]) => !endedOnPurpose.has(service) && !isRunning(service.pid))
    .map(([name, service]) => `${name} exited by itself: ${lastWords(service)}`);
}
