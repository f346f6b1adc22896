import { option, readConfig, text, type ConfigOf } from '@ferry/config';
import { kafkaConnectionOptions } from '@ferry/kafka-runtime';

/**
 * Everything the ops CLI reads from its environment. No schema registry: the CLI moves records
 * as bytes and never decodes a value.
 */
export const opsCliOptions = {
  ...kafkaConnectionOptions,
  clientId: option(
    'KAFKA_CLIENT_ID',
    text,
    'ferry-ops-cli',
    'Client id sent to the brokers (shows in broker logs and quotas)',
  ),
  databaseUrl: option(
    'DATABASE_URL',
    text,
    'postgres://postgres@127.0.0.1:5432/ferry',
    "Postgres holding the audit, with the operator's own role (password from PGPASSFILE or a " +
      'client certificate: sslcert/sslkey in the URL)',
  ),
  databaseSchema: option(
    'FERRY_DB_SCHEMA',
    text,
    'public',
    'Postgres schema of the services whose dead letters are replayed',
  ),
  operatorRole: option(
    'FERRY_DB_OPERATOR_ROLE',
    text,
    'ferry_operator',
    'Group role of operators: the role DATABASE_URL logs in as must be a member of it; that role ' +
      'is who the audit records',
  ),
};

export type OpsCliConfig = ConfigOf<typeof opsCliOptions>;

export function readOpsCliConfig(env: NodeJS.ProcessEnv = process.env): OpsCliConfig {
  return readConfig(opsCliOptions, env);
}
