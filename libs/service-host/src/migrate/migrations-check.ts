import { FerryError } from '@ferry/failures';
import { relative } from 'node:path';
import { missingMigrations, type MigrationSource, type SqlExecutor } from '@ferry/persistence';

/** Why a service refuses to start on its schema: an operator fixes it, no restart will. */
export class SchemaNotReadyError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

/** SQLSTATE insufficient_privilege. */
const PERMISSION_DENIED = '42501';

/** The command that migrates the schema of the service this process runs: its own main, `migrate`. */
export function migrateCommand(mainScript = process.argv[1]): string {
  const main = mainScript === undefined ? 'main.js' : relative(process.cwd(), mainScript);
  return `node ${main} migrate`;
}

/**
 * Services do not change their schema (their role has no DDL rights): at start each checks that
 * the migrate step applied every migration it needs, and refuses to start otherwise, naming what
 * is missing and the command that applies it.
 */
export async function requireMigrations(
  db: SqlExecutor,
  check: {
    readonly service: string;
    readonly schema: string;
    readonly sources: readonly MigrationSource[];
  },
): Promise<void> {
  const run = `run the migrate step first, with the migrate role: \`${migrateCommand()}\` (the service's image with the argument "migrate", e.g. as a Kubernetes Job)`;
  let missing: string[];
  try {
    missing = await missingMigrations(db, check.sources, check.schema);
  } catch (error: unknown) {
    if (!(error instanceof Error && 'code' in error && error.code === PERMISSION_DENIED))
      throw error;
    throw new SchemaNotReadyError(
      `${check.service} may not read schema ${check.schema} (${error.message}): ${run} with FERRY_DB_RUNTIME_ROLE naming this service's role, which grants it`,
    );
  }
  if (missing.length === 0) return;
  throw new SchemaNotReadyError(
    `${check.service} will not start: schema ${check.schema} lacks ${missing.length} migration(s): ${missing.join(', ')}; ${run}`,
  );
}
