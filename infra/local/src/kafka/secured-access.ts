import { allPrincipals, ServiceAccess } from '@ferry/contracts';
import { applyAcls, createKafka, deriveAcls } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import type { Endpoints } from '../endpoints';
import { kafkaClientEnv, kafkaClientSettings } from './kafka-client-env';
import type { KafkaSecurityEndpoints } from './kafka-service';

/** Kafka credentials of a service on a secured cluster; nothing to add on a plaintext one. */
export function serviceKafkaLogin(
  endpoints: Pick<Endpoints, 'kafkaBrokers' | 'kafkaSecurity'>,
  service: string,
): Record<string, string> {
  if (endpoints.kafkaSecurity === undefined) return {};
  const principal = ServiceAccess.find((item) => item.service === service)?.principal;
  if (principal === undefined) throw new Error(`${service} has no Kafka principal`);
  return kafkaClientEnv(endpoints.kafkaSecurity, endpoints.kafkaBrokers, principal);
}

/**
 * Applies the ACLs derived from the ownership map as the local admin, as the demo's setup (on a
 * real cluster an operator runs `npm run ops -- acls apply --execute`, which is audited).
 */
export async function applyDerivedAcls(
  security: KafkaSecurityEndpoints,
  brokers: readonly string[],
): Promise<string> {
  const kafka = adminKafka(security, brokers);
  const principals = allPrincipals().map((name) => `User:${name}`);
  const change = await applyAcls(kafka, deriveAcls(ServiceAccess), principals, false);
  return `${change.create.length} created, ${change.remove.length} deleted, ${change.unchanged} already in place`;
}

function adminKafka(security: KafkaSecurityEndpoints, brokers: readonly string[]) {
  return createKafka(
    {
      brokers,
      clientId: 'ferry-infra',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
      ...kafkaClientSettings(security, security.adminPrincipal),
    },
    silentLogger,
  );
}
