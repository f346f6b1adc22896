import { readFile } from 'node:fs/promises';

/** Memory of a process as Linux reports it in `/proc/<pid>/status`, in bytes. */
export interface ProcessMemory {
  /** Resident set size now (VmRSS). */
  readonly rssBytes: number;
  /** Highest resident set size since the process started (VmHWM). */
  readonly peakRssBytes: number;
}

export async function readProcessMemory(pid: number): Promise<ProcessMemory> {
  return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
}

export function parseProcStatus(status: string): ProcessMemory {
  const kilobytes = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match?.[1]) throw new Error(`/proc status has no ${field} line`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM') };
}

/** CPU seconds (user + system) a process used so far, from `/proc/<pid>/stat`. */
export async function readCpuSeconds(pid: number): Promise<number> {
  return parseProcStatCpuSeconds(await readFile(`/proc/${pid}/stat`, 'utf8'));
}

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ); 100 on every Linux Node runs on. */
const USER_HZ = 100;

export function parseProcStatCpuSeconds(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error('/proc stat has no utime/stime');
  return (utime + stime) / USER_HZ;
}
