import type { OptionSpec, OptionSpecs } from '@ferry/config';
import { optionList } from './app-options';
import { ServiceAccess } from '@ferry/contracts';
import { accessOf, type ServiceName } from './workloads';

/** Ports every container listens on (PORT, FERRY_OPS_PORT): the same in every pod, for probes. */
export const Ports = { http: 8080, ops: 9090 } as const;

/** The Strimzi Kafka cluster (its `strimzi.io/cluster` label; overlays patch the name). */
export const KafkaCluster = 'ferry';
/** Strimzi's bootstrap Service of the cluster's TLS listener (port 9093 by convention). */
export const KafkaBootstrap = `${KafkaCluster}-kafka-bootstrap:9093`;
/** Strimzi's Secret holding the cluster CA certificate (`ca.crt`). */
export const KafkaClusterCaSecret = `${KafkaCluster}-cluster-ca-cert`;

/** Where Strimzi's Secrets are mounted: the KafkaUser's (`password`) and the cluster CA. */
export const SecretMounts = {
  kafkaUser: '/var/run/secrets/ferry/kafka-user',
  kafkaCa: '/var/run/secrets/ferry/kafka-ca',
} as const;

/** The Secret an operator creates per service with its credentials, keyed by variable name. */
export function credentialsSecret(service: ServiceName): string {
  return `${service}-credentials`;
}

/** The Secret with the migrate role's DATABASE_URL (owner of the schema), for the migrate Job. */
export function migrateCredentialsSecret(service: ServiceName): string {
  return `${service}-migrate-credentials`;
}

/** Each service has its own schema and runtime role (docs/consumer-runtime.md, roles). */
export function databaseSchemaOf(service: ServiceName): string {
  return service.replaceAll('-', '_');
}

export function runtimeRoleOf(service: ServiceName): string {
  return `ferry_${databaseSchemaOf(service)}`;
}

/**
 * Variables that hold credentials although the code does not mark them `secret` (a URL with a
 * password, an API key, webhook signing secrets): they come from the service's Secret too.
 * credentials.spec.ts fails when a variable named like a credential is left in a ConfigMap.
 */
export const CredentialVariables: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'ODOO_API_KEY',
  'FERRY_ODOO_WEBHOOK_SECRETS',
]);

/**
 * Where a deployment differs from the code's default, and why. Everything else in a ConfigMap is
 * the code's default, so that an overlay patch is the only place a value is chosen.
 */
function deploymentValues(service: ServiceName): Readonly<Record<string, string>> {
  const access = accessOf(service);
  return {
    // Containers listen on every interface, business and ops endpoints apart.
    HOST: '0.0.0.0',
    PORT: String(Ports.http),
    FERRY_OPS_PORT: String(Ports.ops),
    KAFKA_BROKERS: KafkaBootstrap,
    KAFKA_CLIENT_ID: service,
    // Traces name the service; an environment sets OTEL_EXPORTER_OTLP_ENDPOINT to export them.
    OTEL_SERVICE_NAME: service,
    // Base: SCRAM-SHA-512 over TLS, the KafkaUser's authentication (see kafka-users.ts for tls).
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    KAFKA_SASL_USERNAME: access.principal,
    KAFKA_SASL_PASSWORD_FILE: `${SecretMounts.kafkaUser}/password`,
    KAFKA_SSL_CA_FILE: `${SecretMounts.kafkaCa}/ca.crt`,
    // Topics are KafkaTopic resources; the principals have no CREATE.
    FERRY_CREATE_TOPICS: 'false',
    FERRY_DB_SCHEMA: databaseSchemaOf(service),
    // The lag exporter reads the replay audit where the ops CLI writes it: each consumer's schema.
    FERRY_DLQ_AUDIT_SCHEMAS: ServiceAccess.filter((entry) => entry.consumes.length > 0)
      .map((entry) => databaseSchemaOf(entry.service))
      .join(','),
    // Placeholders an overlay must patch: a `.invalid` name fails loudly instead of reaching
    // some other host.
    SCHEMA_REGISTRY_URL: 'http://schema-registry.registry.invalid:8080/apis/ccompat/v7',
    ODOO_URL: 'https://odoo.erp.invalid',
    FERRY_WMS_URL: 'https://wms.wms.invalid',
    FERRY_ERP_URL: 'https://erp.erp.invalid',
  };
}

/** A secret variable delivered as the file its `_FILE` sibling names (rotation without restart). */
export interface FileDelivery {
  readonly env: string;
  readonly fileEnv: string;
  readonly path: string;
}

export interface SecretReference {
  readonly env: string;
  readonly secret: string;
  readonly key: string;
  /** Optional credentials (registry auth, key passphrase) may be absent from the Secret. */
  readonly optional: boolean;
}

/** How each variable a service reads reaches its containers. */
export interface EnvironmentPlan {
  /** Non-secret variables: the service's ConfigMap. */
  readonly configMap: Readonly<Record<string, string>>;
  readonly secretRefs: readonly SecretReference[];
  readonly byFile: readonly FileDelivery[];
}

export function environmentPlan(service: ServiceName, options: OptionSpecs): EnvironmentPlan {
  const specs = optionList(options);
  const declared = new Set(specs.map((spec) => spec.env));
  const values = Object.fromEntries(
    Object.entries(deploymentValues(service)).filter(([env]) => declared.has(env)),
  );
  const configMap: Record<string, string> = {};
  const secretRefs: SecretReference[] = [];
  const byFile: FileDelivery[] = [];
  for (const spec of specs) {
    if (isCredential(spec)) {
      const fileEnv = `${spec.env}_FILE`;
      const path = values[fileEnv];
      if (path !== undefined && declared.has(fileEnv))
        byFile.push({ env: spec.env, fileEnv, path });
      else
        secretRefs.push({
          env: spec.env,
          secret: credentialsSecret(service),
          key: spec.env,
          optional: spec.default !== undefined && !CredentialVariables.has(spec.env),
        });
      continue;
    }
    const value = values[spec.env] ?? defaultText(spec);
    if (value === undefined)
      throw new Error(`${service}: ${spec.env} is required and has no deployment value`);
    configMap[spec.env] = value;
  }
  return { configMap, secretRefs, byFile };
}

export function isCredential(spec: OptionSpec<unknown>): boolean {
  return spec.secret === true || CredentialVariables.has(spec.env);
}

/** A default as the variable's text: lists comma-separated (`commaList`), null as unset. */
function defaultText(spec: OptionSpec<unknown>): string | undefined {
  const value = spec.default;
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new Error(`${spec.env}: default of unexpected type ${typeof value}`);
}
