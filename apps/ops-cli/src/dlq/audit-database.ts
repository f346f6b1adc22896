import {
  applyMigrations,
  canConnect,
  openDatabase,
  persistenceMigrations,
  type Database,
} from '@ferry/persistence';
import { OpsError } from '../cli/ops-errors';
import type { OpsCliConfig } from '../config';

/**
 * Opens the database holding the replay audit for one command and closes it afterwards. Ferry's
 * own migrations are applied first (idempotent), so the audit table exists even where no
 * consuming service has started yet.
 */
export async function withAuditDatabase<T>(
  config: OpsCliConfig,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  if (!(await canConnect(config.databaseUrl)))
    throw new OpsError(`Postgres at ${hostOf(config.databaseUrl)} is not reachable (DATABASE_URL)`);
  const db = openDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    applicationName: 'ferry-ops-cli',
    maxConnections: 2,
  });
  try {
    await applyMigrations(db, [persistenceMigrations], config.databaseSchema);
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Host and database only: the URL may carry a password. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
