import { join } from 'node:path';
import type { FerryLayout } from '../paths';

/** A long-running process Ferry starts detached and later finds again through its pid file. */
export interface ManagedProcess {
  /** `kafka-1`, `registry`, `postgres`: names the pid file and the log file. */
  readonly name: string;
  readonly pidFile: string;
  readonly logFile: string;
  readonly marker: string;
  /** Postgres wants SIGINT (fast shutdown); SIGTERM would wait for every client to leave. */
  readonly stopSignal: NodeJS.Signals;
}

export function managedProcess(
  layout: FerryLayout,
  name: string,
  marker: string,
  stopSignal: NodeJS.Signals = 'SIGTERM',
): ManagedProcess {
  return {
    name,
    pidFile: join(layout.run, `${name}.pid`),
    logFile: join(layout.logs, `${name}.log`),
    marker,
    stopSignal,
  };
}
