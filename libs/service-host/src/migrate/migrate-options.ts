import { option, text } from '@ferry/config';
import { databaseTimeoutOptions } from '@ferry/persistence';

/** What a service's migrate step reads from its environment (the same variables as the service). */
export const migrateOptions = {
  databaseUrl: option(
    'DATABASE_URL',
    text,
    'postgres://postgres@127.0.0.1:5432/ferry',
    'Postgres connection string; for the migrate step, the migrate role (owner of the schema)',
  ),
  databaseSchema: option(
    'FERRY_DB_SCHEMA',
    text,
    'public',
    "Postgres schema of the service's tables (created by the migrate step)",
  ),
  runtimeRole: option(
    'FERRY_DB_RUNTIME_ROLE',
    text,
    '',
    'Role the service runs as: granted reading and writing the rows of the schema, nothing more ' +
      '(empty: grant nothing, the service runs as the migrate role; development only)',
  ),
  operatorRole: option(
    'FERRY_DB_OPERATOR_ROLE',
    text,
    'ferry_operator',
    "Group role of operators: granted the ops CLI's audited commands on the schema when it exists",
  ),
  auditReaderRole: option(
    'FERRY_DB_AUDIT_READER_ROLE',
    text,
    'ferry_audit_reader',
    "Group role of the lag exporter: granted reading the schema's dead-letter replay audit when " +
      'it exists (empty: grant nothing)',
  ),
  connectTimeoutMs: databaseTimeoutOptions.connectTimeoutMs,
};
