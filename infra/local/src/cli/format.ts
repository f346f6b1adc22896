import type { Endpoints } from '../endpoints';
import { redactPassword } from '../postgres/postgres-choice';
import type { ServiceStatus } from '../service-status';

/** Endpoints as environment assignments, ready to `export` in a shell. */
export function formatEndpoints(endpoints: Endpoints): string[] {
  return [
    `KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`,
    `SCHEMA_REGISTRY_URL=${endpoints.schemaRegistryUrl}`,
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
