import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { argumentsOf } from './liveness';

/**
 * Java or Postgres processes whose arguments carry one of our markers but that no pid file names
 * any more (the run folder was deleted, or a start was interrupted before its pid file was
 * written). Only those two programs are considered, so a shell or editor that merely mentions a
 * Ferry path is never touched. Empty where /proc does not exist.
 */
export function findOrphans(markers: readonly string[], knownPids: ReadonlySet<number>): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const orphans: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isSafeInteger(pid) || pid === process.pid || knownPids.has(pid)) continue;
    const args = argumentsOf(pid);
    if (args !== undefined && isOrphanCommand(args, markers)) orphans.push(pid);
  }
  return orphans;
}

/** Markers are whole arguments (a properties file, a data dir, a -D flag), never substrings. */
export function isOrphanCommand(args: readonly string[], markers: readonly string[]): boolean {
  const program = basename(args[0] ?? '');
  if (program !== 'java' && program !== 'postgres') return false;
  return markers.some((marker) => args.includes(marker));
}
