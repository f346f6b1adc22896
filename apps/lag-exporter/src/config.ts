import {
  boolean,
  commaList,
  integer,
  option,
  readConfig,
  text,
  type ConfigOf,
} from '@ferry/config';
import { kafkaConnectionOptions } from '@ferry/kafka-runtime';
import { httpServerOptions, tracingOptions } from '@ferry/service-host';

/** Everything the lag exporter reads from its environment. */
export const lagExporterOptions = {
  ...kafkaConnectionOptions,
  clientId: option(
    'KAFKA_CLIENT_ID',
    text,
    'ferry-lag-exporter',
    'Client id sent to the brokers (shows in broker logs and quotas)',
  ),
  ...httpServerOptions(3006),
  ...tracingOptions,
  pollIntervalMs: option(
    'FERRY_LAG_POLL_INTERVAL_MS',
    integer({ min: 1000 }),
    15_000,
    'Pause between two reads of every group from Kafka; each scrape serves the last read',
  ),
  groupPrefix: option(
    'FERRY_LAG_GROUP_PREFIX',
    text,
    'ferry.',
    'Consumer groups whose id starts with this are reported (besides the catalog groups)',
  ),
  catalogGroups: option(
    'FERRY_LAG_CATALOG_GROUPS',
    boolean,
    true,
    "Also report each service's default group from the catalog, with its topic and retry tiers, " +
      'when Kafka does not list it (never started, or its offsets expired)',
  ),
  timestampTimeoutMs: option(
    'FERRY_LAG_TIMESTAMP_TIMEOUT_MS',
    integer({ min: 100 }),
    10_000,
    'Longest a poll waits for the timestamps of the oldest unconsumed records (lag in seconds)',
  ),
  concurrency: option(
    'FERRY_LAG_CONCURRENCY',
    integer({ min: 1, max: 64 }),
    4,
    'Most Kafka requests (and timestamp readers) in flight at once',
  ),
  staleAfterMs: option(
    'FERRY_LAG_STALE_AFTER_MS',
    integer({ min: 1000 }),
    60_000,
    'Not ready once the last successful poll is older than this',
  ),
  databaseUrl: option(
    'DATABASE_URL',
    text,
    '',
    'Postgres holding the dead-letter replay audit, read with a role that may only SELECT it; ' +
      'empty: ferry_dlq_unresolved and ferry_dlq_oldest_unresolved_age_seconds are not reported',
  ),
  auditSchemas: option(
    'FERRY_DLQ_AUDIT_SCHEMAS',
    commaList,
    ['public'],
    'Schemas whose ferry_dead_letter_replays record replays (those of the consuming services)',
  ),
  deadLetterTopicPrefix: option(
    'FERRY_DLQ_TOPIC_PREFIX',
    text,
    'ferry.',
    'Dead-letter topics are the topics whose names start so and end in .dlq',
  ),
};

export type LagExporterConfig = ConfigOf<typeof lagExporterOptions>;

export function readLagExporterConfig(env: NodeJS.ProcessEnv = process.env): LagExporterConfig {
  return readConfig(lagExporterOptions, env);
}
