import type { Endpoints } from '../endpoints';
import { redactPassword } from '../postgres/postgres-choice';
import type { ServiceStatus } from '../service-status';

/** Endpoints as environment assignments, ready to `export` in a shell. */
export function formatEndpoints(endpoints: Endpoints): string[] {
  const security = endpoints.kafkaSecurity;
  const secured =
    security === undefined
      ? []
      : [
          'KAFKA_SECURITY_PROTOCOL=SASL_SSL',
          'KAFKA_SASL_MECHANISM=SCRAM-SHA-512',
          `KAFKA_SSL_CA_FILE=${security.caFile}`,
          `# as a service: KAFKA_SASL_USERNAME=<principal> KAFKA_SASL_PASSWORD_FILE=${security.credentialsFolder}/<principal>.password`,
          `# mutual TLS: KAFKA_BROKERS=${security.mtlsBrokers.join(',')} KAFKA_SECURITY_PROTOCOL=SSL KAFKA_SSL_CERT_FILE=${security.certificatesFolder}/<principal>.crt KAFKA_SSL_KEY_FILE=…/<principal>.key`,
        ];
  return [
    `KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`,
    ...secured,
    `SCHEMA_REGISTRY_URL=${endpoints.schemaRegistryUrl}`,
    ...Object.entries(endpoints.registryClientEnv ?? {}).map(([name, value]) => `${name}=${value}`),
    `DATABASE_URL=${redactPassword(endpoints.databaseUrl)}`,
  ];
}

export function formatStatus(statuses: readonly ServiceStatus[]): string[] {
  const rows = [
    ['PART', 'STATE', 'PID', 'RUN BY', 'ENDPOINT'],
    ...statuses.map((status) => [
      status.name,
      status.running ? 'running' : 'stopped',
      status.pid === undefined ? '-' : String(status.pid),
      status.managedByFerry ? 'ferry' : 'external',
      redactPassword(status.endpoint),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  '),
  );
}
