import { isAlive } from './liveness';
import type { ManagedProcess } from './managed-process';
import { inspectPidFile, removePidRecord } from './pid-file';
import { sleep } from './wait';

export interface StopResult {
  readonly name: string;
  readonly pid: number | undefined;
  /** 'absent' when nothing of ours was running; 'killed' when it needed SIGKILL. */
  readonly outcome: 'stopped' | 'killed' | 'absent';
}

const KILL_WAIT_MS = 10_000;

/** Stops the process a pid file names, if it is still ours, and removes the pid file. */
export async function stopManagedProcess(
  target: ManagedProcess,
  graceMs: number,
): Promise<StopResult> {
  const state = inspectPidFile(target.pidFile);
  if (state.kind !== 'running') return { name: target.name, pid: undefined, outcome: 'absent' };
  const { pid } = state.record;
  const outcome = await stopPid(pid, target.stopSignal, graceMs, true);
  removePidRecord(target.pidFile);
  return { name: target.name, pid, outcome };
}

/**
 * Sends `stopSignal`, waits up to `graceMs`, then SIGKILLs: the whole process group when the
 * process leads one (Ferry starts each in its own), so nothing it forked survives.
 */
export async function stopPid(
  pid: number,
  stopSignal: NodeJS.Signals,
  graceMs: number,
  leadsGroup: boolean,
): Promise<'stopped' | 'killed'> {
  signal(pid, stopSignal);
  await waitForExit(pid, graceMs);
  const outcome = isAlive(pid) ? 'killed' : 'stopped';
  signal(leadsGroup ? -pid : pid, 'SIGKILL');
  await waitForExit(pid, KILL_WAIT_MS);
  return outcome;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // ESRCH: already gone.
  }
}
