import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Written last into a cache folder: without it the folder is an interrupted download. */
export const COMPLETE_MARKER = '.complete';

export function isCached(directory: string): boolean {
  return existsSync(join(directory, COMPLETE_MARKER));
}

/**
 * Returns `directory`, filling it first with `fill` unless an earlier run completed it.
 * `fill` works in a scratch folder that is renamed into place, then the marker is written, so a
 * killed download is redone from scratch next time.
 */
export async function ensureCachedDir(
  directory: string,
  fill: (scratch: string) => Promise<void>,
  onFill: () => void = () => undefined,
): Promise<{ directory: string; downloaded: boolean }> {
  if (isCached(directory)) return { directory, downloaded: false };
  onFill();
  const scratch = `${directory}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  await fill(scratch);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(dirname(directory), { recursive: true });
  renameSync(scratch, directory);
  writeFileSync(join(directory, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  return { directory, downloaded: true };
}
