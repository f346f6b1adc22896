import { rmSync } from 'node:fs';
import { readJsonFile, writeJsonFileAtomically } from '../json-file';
import { commandLineOf, isAlive } from './liveness';

/** What Ferry writes when it starts a process, so that later commands can find and stop it. */
export interface PidRecord {
  readonly pid: number;
  readonly name: string;
  /** A string only this process's command line contains; guards against a recycled pid. */
  readonly marker: string;
  readonly startedAt: string;
  /** Facts a service needs to recognise its own run (e.g. Kafka's broker count). */
  readonly details: Readonly<Record<string, string | number>>;
}

export type PidState =
  | { readonly kind: 'running'; readonly record: PidRecord }
  /** The process is gone, or its pid now belongs to another program. */
  | { readonly kind: 'stale'; readonly record: PidRecord }
  | { readonly kind: 'absent' };

export interface ProcessProbe {
  isAlive(pid: number): boolean;
  commandLineOf(pid: number): string | undefined;
}

export const systemProbe: ProcessProbe = { isAlive, commandLineOf };

export function classifyPidRecord(record: PidRecord | undefined, probe: ProcessProbe): PidState {
  if (record === undefined) return { kind: 'absent' };
  if (!probe.isAlive(record.pid)) return { kind: 'stale', record };
  const commandLine = probe.commandLineOf(record.pid);
  // Without /proc the pid alone has to do.
  if (commandLine !== undefined && !commandLine.includes(record.marker))
    return { kind: 'stale', record };
  return { kind: 'running', record };
}

export function parsePidRecord(text: string): PidRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, name, marker, startedAt, details } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof name !== 'string' || typeof marker !== 'string' || typeof startedAt !== 'string')
    return undefined;
  const safeDetails: Record<string, string | number> = {};
  if (typeof details === 'object' && details !== null) {
    for (const [key, item] of Object.entries(details)) {
      if (typeof item === 'string' || typeof item === 'number') safeDetails[key] = item;
    }
  }
  return { pid, name, marker, startedAt, details: safeDetails };
}

export function readPidRecord(file: string): PidRecord | undefined {
  return readJsonFile(file, parsePidRecord);
}

export function writePidRecord(file: string, record: PidRecord): void {
  writeJsonFileAtomically(file, record);
}

export function removePidRecord(file: string): void {
  rmSync(file, { force: true });
}

/** Reads the pid file, deletes it when stale, and says whether the process is still ours. */
export function inspectPidFile(file: string, probe: ProcessProbe = systemProbe): PidState {
  const state = classifyPidRecord(readPidRecord(file), probe);
  if (state.kind === 'stale') removePidRecord(file);
  return state;
}
