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

/**
 * Why a process ended, from its last output: the first two lines of its tail that name an error
 * (where a crash's report starts), else its last lines.
 */
export function lastWords(service: RunningService): string {
  const tail = service
    .output()
    .trimEnd()
    .split('\n')
    .slice(-30)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const errors = tail.filter((line) => /error|exception|fatal|unhandled/i.test(line));
  return (errors.length > 0 ? errors.slice(0, 2) : tail.slice(-3)).join(' / ').slice(0, 600);
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
