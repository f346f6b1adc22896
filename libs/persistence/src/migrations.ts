import { FerryError } from '@ferry/failures';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertIdentifier, type Database, type SqlExecutor } from './database';

/** A folder of `NNN_description.sql` files, applied in order and recorded under `owner`. */
export interface MigrationSource {
  readonly owner: string;
  readonly directory: string;
}

interface Migration {
  readonly owner: string;
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export class MigrationError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Ferry's own tables (event dedup); every service that consumes applies these. */
export const persistenceMigrations: MigrationSource = {
  owner: 'ferry',
  directory: join(__dirname, '..', 'migrations'),
};

export function readMigrations(source: MigrationSource): Migration[] {
  const migrations = readdirSync(source.directory)
    .filter((file) => file.endsWith('.sql'))
    .map((file): Migration => {
      const match = FILE.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new MigrationError(
          `${join(source.directory, file)}: name must look like 001_create_things.sql`,
        );
      }
      const sql = readFileSync(join(source.directory, file), 'utf8');
      return {
        owner: source.owner,
        version: Number(match[1]),
        name: match[2],
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) {
      throw new MigrationError(`${source.owner}: two migrations have version ${m.version}`);
    }
  });
  return migrations;
}

/**
 * Migrations wait for each other's advisory lock and may rewrite large tables: their statements
 * get minutes, not the seconds of the service's own work.
 */
const MIGRATION_BOUNDS = { statementTimeoutMs: 10 * 60_000 };

/** Serialises migrate steps (and their grants) across the whole database. */
export const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(hashtext('ferry_schema_migrations'))";

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory lock
 * so that migrate steps running together do not race. An applied migration whose file changed
 * since is an error: migrations are append-only.
 */
export async function applyMigrations(
  db: Database,
  sources: readonly MigrationSource[],
  schema?: string,
): Promise<string[]> {
  const pending = sources.flatMap(readMigrations);
  // Under the lock too: two `CREATE … IF NOT EXISTS` of one name at the same moment can both
  // try to create it, and one fails on a unique index of the catalog.
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    if (schema !== undefined)
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${assertIdentifier(schema)}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ferry_schema_migrations (
      owner text NOT NULL, version integer NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (owner, version))`);
  }, MIGRATION_BOUNDS);
  const applied: string[] = [];
  for (const migration of pending) {
    await db.transaction(async (tx) => {
      await tx.query(MIGRATION_LOCK);
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM ferry_schema_migrations WHERE owner = $1 AND version = $2',
        [migration.owner, migration.version],
      );
      const recorded = rows[0];
      if (recorded) {
        if (recorded.checksum !== migration.checksum) throw changedAfterApplied(migration);
        return;
      }
      await tx.query(migration.sql);
      await tx.query(
        'INSERT INTO ferry_schema_migrations (owner, version, name, checksum) VALUES ($1, $2, $3, $4)',
        [migration.owner, migration.version, migration.name, migration.checksum],
      );
      applied.push(migrationName(migration));
    }, MIGRATION_BOUNDS);
  }
  return applied;
}

/** `owner/NNN_name`, as the migrate step and the start-up check print it. */
function migrationName(migration: Migration): string {
  return `${migration.owner}/${String(migration.version).padStart(3, '0')}_${migration.name}`;
}

function changedAfterApplied(migration: Migration): MigrationError {
  return new MigrationError(`Migration ${migrationName(migration)} changed after it was applied`);
}

/** SQLSTATE of a table (or schema) that is not there. */
const UNDEFINED_TABLE = '42P01';

/**
 * The migrations of `sources` that `schema` has not recorded, by name, in order; reads only (a
 * service's runtime role may do it). A schema never migrated lacks them all. Throws
 * MigrationError when an applied migration's file changed since.
 */
export async function missingMigrations(
  db: SqlExecutor,
  sources: readonly MigrationSource[],
  schema: string,
): Promise<string[]> {
  const known = sources.flatMap(readMigrations);
  let recorded: { owner: string; version: number; checksum: string }[];
  try {
    ({ rows: recorded } = await db.query(
      `SELECT owner, version, checksum FROM ${assertIdentifier(schema)}.ferry_schema_migrations`,
    ));
  } catch (error: unknown) {
    if (codeOf(error) === UNDEFINED_TABLE) return known.map(migrationName);
    throw error;
  }
  const checksums = new Map(recorded.map((row) => [`${row.owner}/${row.version}`, row.checksum]));
  return known.flatMap((migration) => {
    const checksum = checksums.get(`${migration.owner}/${migration.version}`);
    if (checksum === undefined) return [migrationName(migration)];
    if (checksum !== migration.checksum) throw changedAfterApplied(migration);
    return [];
  });
}

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}
