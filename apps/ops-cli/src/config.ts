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
    'Postgres holding the replay audit (ferry_dead_letter_replays)',
  ),
  databaseSchema: option(
    'FERRY_DB_SCHEMA',
    text,
    'public',
    'Postgres schema of the services whose dead letters are replayed',
  ),
  operator: option(
    'USER',
    text,
    '',
    'Who runs the CLI: recorded as the requester of a replay unless --by is given',
  ),
};

export type OpsCliConfig = ConfigOf<typeof opsCliOptions>;

export function readOpsCliConfig(env: NodeJS.ProcessEnv = process.env): OpsCliConfig {
  return readConfig(opsCliOptions, env);
}
