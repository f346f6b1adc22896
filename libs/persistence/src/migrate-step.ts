import type { Database } from './database';
import {
  grantAuditReaderAccess,
  grantOperatorAccess,
  grantRuntimeAccess,
  runtimeRoleExcesses,
} from './database-roles';
import { applyMigrations, MIGRATION_LOCK, type MigrationSource } from './migrations';

export interface MigrateStepOptions {
  readonly schema: string;
  readonly sources: readonly MigrationSource[];
  /** The role the service runs as; undefined: grant nothing (it runs as the migrate role). */
  readonly runtimeRole: string | undefined;
  /** The group role of operators (the ops CLI); skipped when the server has no such role. */
  readonly operatorRole: string;
  /** The group role that may read the replay audit (the lag exporter's); skipped when absent. */
  readonly auditReaderRole?: string;
}

export interface MigrateStepResult {
  /** Migrations applied by this run, by name; empty when the schema was up to date. */
  readonly applied: readonly string[];
  readonly operatorRoleGranted: boolean;
  readonly auditReaderRoleGranted: boolean;
  /** What the runtime role may do beyond rows (superuser, owner, CREATE): each a warning. */
  readonly runtimeRoleExcesses: readonly string[];
}

/**
 * The separate migrate step: run with the migrate role (which owns the schema), it applies what
 * is missing and grants the runtime and operator roles their rows. Idempotent; steps running
 * together wait for each other on the migration lock.
 */
export async function runMigrateStep(
  db: Database,
  options: MigrateStepOptions,
): Promise<MigrateStepResult> {
  const applied = await applyMigrations(db, options.sources, options.schema);
  const { operatorRoleGranted, auditReaderRoleGranted } = await db.transaction(async (tx) => {
    // Two GRANTs on one object at once fail ("tuple concurrently updated"): under the lock.
    await tx.query(MIGRATION_LOCK);
    if (options.runtimeRole !== undefined)
      await grantRuntimeAccess(tx, options.schema, options.runtimeRole);
    return {
      operatorRoleGranted: await grantOperatorAccess(tx, options.schema, options.operatorRole),
      auditReaderRoleGranted:
        options.auditReaderRole !== undefined &&
        options.auditReaderRole !== '' &&
        (await grantAuditReaderAccess(tx, options.schema, options.auditReaderRole)),
    };
  });
  const excesses =
    options.runtimeRole === undefined
      ? []
      : await runtimeRoleExcesses(db, options.schema, options.runtimeRole);
  return { applied, operatorRoleGranted, auditReaderRoleGranted, runtimeRoleExcesses: excesses };
}
