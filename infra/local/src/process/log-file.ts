import {
  closeSync,
  existsSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  mkdirSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Keeps the previous run's log as `<file>.1`, so the current file holds only this run. */
export function rotateLog(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) renameSync(file, `${file}.1`);
}

/** The last `count` lines of a file; reads at most the final 64 KiB. */
export function tailLines(file: string, count: number): string[] {
  let text: string;
  try {
    text = readFrom(file, Math.max(0, statSync(file).size - 65536));
  } catch {
    return [];
  }
  return lastLines(text, count);
}

export function lastLines(text: string, count: number): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-count);
}

/** The file's content from byte `offset` on; empty when the file is missing. */
export function readFrom(file: string, offset: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const size = statSync(file).size;
    if (size <= offset) return '';
    const buffer = Buffer.alloc(size - offset);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function fileContains(file: string, text: string): boolean {
  return readFrom(file, 0).includes(text);
}
