import type { InfraContext } from './context';
import { ensureOperatorRole } from '../postgres/operator-role';
import { embeddedFerryUrl, upPostgres } from '../postgres/postgres-service';
import { registryDatabaseBeside } from '../registry/registry-database';
import { upRegistry } from '../registry/registry-service';

/** Postgres first: the registry keeps its state there, in a database beside Ferry's. */
export async function upPostgresThenRegistry(
  context: InfraContext,
  java: string,
): Promise<{ databaseUrl: string; schemaRegistryUrl: string }> {
  const databaseUrl = await upPostgres(context);
  await ensureOperatorRole(databaseUrl, context.log);
  const embedded = databaseUrl === embeddedFerryUrl(context.config);
  const schemaRegistryUrl = await upRegistry(
    context,
    java,
    registryDatabaseBeside(databaseUrl, embedded, context.config.registryDatabase),
  );
  return { databaseUrl, schemaRegistryUrl };
}
