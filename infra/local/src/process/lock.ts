import { mkdirSync, openSync, closeSync, writeSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocalInfraError } from '../errors';
import { isAlive } from './liveness';
import { sleep } from './wait';

/**
 * Serialises `up`, `down` and `reset` across processes (two test runners calling up at once
 * must not start two brokers). A lock whose owner died is taken over.
 */
export async function withLock<T>(
  file: string,
  work: () => Promise<T>,
  options: { timeoutMs: number; onWait?: (ownerPid: number) => void },
): Promise<T> {
  await acquire(file, options.timeoutMs, options.onWait);
  try {
    return await work();
  } finally {
    if (ownerOf(file) === process.pid) rmSync(file, { force: true });
  }
}

async function acquire(
  file: string,
  timeoutMs: number,
  onWait?: (ownerPid: number) => void,
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error: unknown) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const owner = ownerOf(file);
    if (owner === undefined || !isAlive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LocalInfraError(`Another Ferry infra command (pid ${owner}) still holds ${file}`);
    }
    if (!announced) onWait?.(owner);
    announced = true;
    await sleep(500);
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
