import { kafkaStatus } from '../kafka/kafka-service';
import { postgresStatus } from '../postgres/postgres-service';
import { registryDatabaseStatus, registryStatus } from '../registry/registry-service';
import type { ServiceStatus } from '../service-status';
import type { InfraContext } from './context';

export async function collectStatus(context: InfraContext): Promise<ServiceStatus[]> {
  const [registry, postgres] = await Promise.all([
    registryStatus(context),
    postgresStatus(context),
  ]);
  const registryDatabase = await registryDatabaseStatus(context, postgres);
  return [...kafkaStatus(context), registry, ...registryDatabase, postgres];
}
