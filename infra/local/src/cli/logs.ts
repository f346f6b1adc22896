import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FerryLayout } from '../paths';
import { readFrom, tailLines } from '../process/log-file';
import { sleep } from '../process/wait';
import type { LogPart } from './args';

const FILES: Record<LogPart, readonly string[]> = {
  kafka: ['kafka-1.log', 'kafka-2.log', 'kafka-3.log'],
  registry: ['registry.log'],
  postgres: ['postgres.log', 'postgres-initdb.log'],
};

export function logFilesOf(layout: FerryLayout, part: LogPart | undefined): string[] {
  const names = part === undefined ? Object.values(FILES).flat() : FILES[part];
  return names.map((name) => join(layout.logs, name)).filter((file) => existsSync(file));
}

export function printTails(
  files: readonly string[],
  lines: number,
  print: (line: string) => void,
): void {
  for (const file of files) {
    print(`==> ${file} <==`);
    for (const line of tailLines(file, lines)) print(line);
  }
}

/** Prints what is appended to the files until the process is interrupted; survives rotation. */
export async function followFiles(
  files: readonly string[],
  print: (line: string) => void,
): Promise<never> {
  const offsets = new Map(files.map((file) => [file, sizeOf(file)]));
  const prefix = (file: string): string => (files.length > 1 ? `[${basename(file, '.log')}] ` : '');
  for (;;) {
    for (const file of files) {
      const size = sizeOf(file);
      let offset = offsets.get(file) ?? 0;
      if (size < offset) offset = 0;
      if (size > offset) {
        const text = readFrom(file, offset);
        const complete = text.lastIndexOf('\n') + 1;
        for (const line of text.slice(0, complete).split('\n').slice(0, -1))
          print(`${prefix(file)}${line}`);
        offset += Buffer.byteLength(text.slice(0, complete));
      }
      offsets.set(file, offset);
    }
    await sleep(500);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
