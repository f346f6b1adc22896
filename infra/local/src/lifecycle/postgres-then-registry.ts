import type { InfraContext } from './context';
import { ensureOperatorRole } from '../postgres/operator-role';
import { embeddedFerryUrl, upPostgres } from '../postgres/postgres-service';
import { registryDatabaseBeside } from '../registry/registry-database';
import { registryClientEnvironment, registrySecurity } from '../registry/registry-security';
import { upRegistry } from '../registry/registry-service';

/**
 * Postgres first: the registry keeps its state there, in a database beside Ferry's. Secured, the
 * registry serves TLS only and asks for its user's password; `registryClientEnv` is what clients
 * then need.
 */
export async function upPostgresThenRegistry(
  context: InfraContext,
  java: string,
  secure = false,
): Promise<{
  databaseUrl: string;
  schemaRegistryUrl: string;
  registryClientEnv?: Record<string, string>;
}> {
  const databaseUrl = await upPostgres(context);
  await ensureOperatorRole(databaseUrl, context.log);
  const embedded = databaseUrl === embeddedFerryUrl(context.config);
  const startsRegistry = context.config.schemaRegistryUrl === '';
  const security =
    secure && startsRegistry ? await registrySecurity(context.layout.home) : undefined;
  const schemaRegistryUrl = await upRegistry(
    context,
    java,
    registryDatabaseBeside(databaseUrl, embedded, context.config.registryDatabase),
    security,
  );
  return security === undefined
    ? { databaseUrl, schemaRegistryUrl }
    : { databaseUrl, schemaRegistryUrl, registryClientEnv: registryClientEnvironment(security) };
}
