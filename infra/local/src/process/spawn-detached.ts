import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { LocalInfraError } from '../errors';
import { rotateLog } from './log-file';
import type { ManagedProcess } from './managed-process';
import { writePidRecord } from './pid-file';
import type { PidRecord } from './pid-file';

export interface DetachedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Run as another user (Postgres refuses to run as root). */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly details?: PidRecord['details'];
}

/**
 * Starts a process in its own process group with stdout and stderr going to its log file, so it
 * outlives the CLI and `down` can stop it with everything it forked.
 */
export async function spawnDetached(
  target: ManagedProcess,
  command: DetachedCommand,
): Promise<PidRecord> {
  rotateLog(target.logFile);
  const log = openSync(target.logFile, 'a');
  try {
    const child = spawn(command.command, [...command.args], {
      cwd: command.cwd,
      detached: true,
      stdio: ['ignore', log, log],
      ...(command.user ?? {}),
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', (error) => {
        reject(
          new LocalInfraError(
            `${target.name}: cannot run ${command.command}: ${error.message}`,
            undefined,
            { cause: error },
          ),
        );
      });
      child.once('spawn', () => {
        if (child.pid === undefined)
          reject(new LocalInfraError(`${target.name}: started without a pid`));
        else resolve(child.pid);
      });
    });
    child.unref();
    const record: PidRecord = {
      pid,
      name: target.name,
      marker: target.marker,
      startedAt: new Date().toISOString(),
      details: command.details ?? {},
    };
    writePidRecord(target.pidFile, record);
    return record;
  } finally {
    closeSync(log);
  }
}
