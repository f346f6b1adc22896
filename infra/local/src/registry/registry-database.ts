import { join } from 'node:path';
import { assertIdentifier, ensureDatabase, openDatabase } from '@ferry/persistence';
import { z } from 'zod';
import { LocalInfraError } from '../errors';
import { readJsonFile, writeJsonFileAtomically } from '../json-file';
import type { FerryLayout } from '../paths';
import { sleep } from '../process/wait';
import { redactPassword, withDatabase } from '../postgres/postgres-choice';

/** The registry's own database, beside Ferry's on the same Postgres server. */
export const REGISTRY_DATABASE = 'ferry_registry';

/** Where a registry Ferry runs keeps its schemas, ids and subjects. */
export interface RegistryDatabase {
  /** A database on the same server (Ferry's own) to connect to when creating or dropping it. */
  readonly serverUrl: string;
  readonly name: string;
  /** On the embedded server, whose whole cluster `reset` deletes with the data folder. */
  readonly embedded: boolean;
}

/** The registry's database `name` on the server that holds Ferry's database `ferryDatabaseUrl`. */
export function registryDatabaseBeside(
  ferryDatabaseUrl: string,
  embedded: boolean,
  name = REGISTRY_DATABASE,
): RegistryDatabase {
  return { serverUrl: ferryDatabaseUrl, name, embedded };
}

export function registryDatabaseUrl(database: RegistryDatabase): string {
  return withDatabase(database.serverUrl, database.name);
}

/**
 * The record of where the registry's state lives sits in the data folder, beside the Kafka logs
 * whose records name those schema ids: the two are kept and deleted together.
 */
export function registryDatabaseFile(layout: FerryLayout): string {
  return join(layout.data, 'registry-database.json');
}

const registryDatabaseRecord = z.object({
  serverUrl: z.string(),
  name: z.string(),
  embedded: z.boolean(),
});

/** What `up` recorded; undefined when nothing was, or the record is unreadable. */
export function readRegistryDatabase(layout: FerryLayout): RegistryDatabase | undefined {
  return readJsonFile(
    registryDatabaseFile(layout),
    (text) => registryDatabaseRecord.safeParse(JSON.parse(text)).data,
  );
}

export function recordRegistryDatabase(layout: FerryLayout, database: RegistryDatabase): void {
  writeJsonFileAtomically(registryDatabaseFile(layout), database);
}

/** Same server (host and port) and same database: credentials may change, the state does not. */
export function sameRegistryDatabase(a: RegistryDatabase, b: RegistryDatabase): boolean {
  return a.name === b.name && serverAddress(a.serverUrl) === serverAddress(b.serverUrl);
}

function serverAddress(postgresUrl: string): string {
  const url = new URL(postgresUrl);
  return `${url.hostname}:${url.port === '' ? '5432' : url.port}`;
}

/**
 * Refuses to start the registry on other storage than the one the kept Kafka data was written
 * with: a fresh database would hand out schema ids again from 1, and the records already on the
 * topics would then name the wrong schemas.
 */
export function assertRegistryDatabaseKept(
  recorded: RegistryDatabase | undefined,
  chosen: RegistryDatabase,
): void {
  if (recorded === undefined || sameRegistryDatabase(recorded, chosen)) return;
  throw new LocalInfraError(
    `registry: its schemas are in ${redactPassword(registryDatabaseUrl(recorded))}, but Postgres is now elsewhere (${redactPassword(registryDatabaseUrl(chosen))}); the records on the topics name schema ids of the first`,
    `${
      recorded.embedded
        ? "That is Ferry's embedded Postgres, which `up` starts only while the machine's server (FERRY_LOCAL_PG_URL) does not answer."
        : 'Make that server answer again (or point DATABASE_URL at it).'
    } Or run \`reset\` to start over with empty topics and an empty registry.`,
  );
}

export async function ensureRegistryDatabase(database: RegistryDatabase): Promise<void> {
  try {
    await ensureDatabase(database.serverUrl, database.name);
  } catch (error: unknown) {
    throw new LocalInfraError(
      `registry: cannot create database ${database.name} on ${redactPassword(database.serverUrl)}: ${messageOf(error)}`,
      `Have it created for that user (CREATE DATABASE ${database.name} OWNER ${ownerOf(database.serverUrl)}), or set SCHEMA_REGISTRY_URL to a registry of your own.`,
      { cause: error },
    );
  }
}

const IN_USE = '55006';
const DROP_WAIT_MS = 10_000;

/**
 * Drops the registry's database. The registry must be stopped first; its server may need a
 * moment to end the backends of a killed registry, so "in use" is retried for a few seconds.
 */
export async function dropRegistryDatabase(database: RegistryDatabase): Promise<void> {
  const server = openDatabase({ url: database.serverUrl, maxConnections: 1 });
  const deadline = Date.now() + DROP_WAIT_MS;
  try {
    for (;;) {
      try {
        await server.query(`DROP DATABASE IF EXISTS ${assertIdentifier(database.name)}`);
        return;
      } catch (error: unknown) {
        if (codeOf(error) !== IN_USE || Date.now() >= deadline) {
          throw new LocalInfraError(
            `registry: cannot drop database ${database.name} on ${redactPassword(database.serverUrl)}: ${messageOf(error)}`,
            'Stop what still uses it (another Ferry checkout sharing this Postgres?) and run `reset` again.',
            { cause: error },
          );
        }
      }
      await sleep(250);
    }
  } finally {
    await server.close();
  }
}

function ownerOf(postgresUrl: string): string {
  return decodeURIComponent(new URL(postgresUrl).username) || '<its user>';
}

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
