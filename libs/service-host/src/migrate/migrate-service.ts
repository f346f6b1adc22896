import { readConfig } from '@ferry/config';
import { jsonLogger } from '@ferry/observability';
import { openDatabase, runMigrateStep, type MigrationSource } from '@ferry/persistence';
import { migrateOptions } from './migrate-options';

/**
 * A service's migrate step, run apart from the service with the migrate role: applies the
 * migrations its schema lacks and grants the runtime and operator roles. Idempotent; concurrent
 * runs wait for each other. Throws on anything that leaves the schema unfit for the service.
 */
export async function migrateService(
  service: string,
  sources: readonly MigrationSource[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const config = readConfig(migrateOptions, env);
  const logger = jsonLogger(`${service}.migrate`);
  const db = openDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    applicationName: `${service}-migrate`,
    maxConnections: 1,
    timeouts: { connectTimeoutMs: config.connectTimeoutMs },
  });
  try {
    const result = await runMigrateStep(db, {
      schema: config.databaseSchema,
      sources,
      runtimeRole: config.runtimeRole === '' ? undefined : config.runtimeRole,
      operatorRole: config.operatorRole,
      auditReaderRole: config.auditReaderRole,
    });
    logger.info(result.applied.length === 0 ? 'schema up to date' : 'applied migrations', {
      schema: config.databaseSchema,
      applied: result.applied,
      runtimeRole: config.runtimeRole === '' ? null : config.runtimeRole,
      operatorRole: result.operatorRoleGranted ? config.operatorRole : null,
      auditReaderRole: result.auditReaderRoleGranted ? config.auditReaderRole : null,
    });
    if (config.runtimeRole === '')
      logger.warn('no FERRY_DB_RUNTIME_ROLE: no runtime role granted (development only)', {
        schema: config.databaseSchema,
      });
    for (const excess of result.runtimeRoleExcesses)
      logger.warn('the runtime role may do more than read and write rows', { excess });
    if (!result.operatorRoleGranted)
      logger.warn('no operator role on this server: the ops CLI will refuse every operator', {
        operatorRole: config.operatorRole,
      });
  } finally {
    await db.close();
  }
}
