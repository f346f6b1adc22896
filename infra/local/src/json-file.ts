import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Reads `file` and hands its text to `parse`; a missing or unreadable file is `undefined`. */
export function readJsonFile<T>(
  file: string,
  parse: (text: string) => T | undefined,
): T | undefined {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes `value` as JSON through a temporary file and a rename, so readers never see half of it. */
export function writeJsonFileAtomically(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}
