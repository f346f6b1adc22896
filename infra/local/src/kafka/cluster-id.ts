import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A Kafka cluster id as `StorageTool random-uuid` makes it: 16 random bytes in URL-safe base64
 * without padding. Kafka redraws ids starting with '-' (they read as a command-line flag).
 */
export function newClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The cluster id kept beside the node log dirs, created on first use. */
export function ensureClusterId(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{22}$/.test(stored)) return stored;
  }
  const id = newClusterId();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${id}\n`);
  return id;
}
