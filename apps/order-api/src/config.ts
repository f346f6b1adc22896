import { boolean, integer, option, readConfig, text, type ConfigOf } from '@ferry/config';
import { kafkaConnectionOptions, schemaRegistryOptions } from '@ferry/kafka-runtime';
import { databaseTimeoutOptions } from '@ferry/persistence';
import { httpServerOptions, ingressAuthOptions, tracingOptions } from '@ferry/service-host';

/** Everything the order API reads from its environment. */
export const orderApiOptions = {
  ...kafkaConnectionOptions,
  ...schemaRegistryOptions,
  ...httpServerOptions(3003),
  ...tracingOptions,
  ...ingressAuthOptions,
  databaseUrl: option(
    'DATABASE_URL',
    text,
    'postgres://postgres@127.0.0.1:5432/ferry',
    'Postgres connection string (idempotency keys and placed orders)',
  ),
  databaseSchema: option('FERRY_DB_SCHEMA', text, 'public', 'Postgres schema of its tables'),
  ...databaseTimeoutOptions,
  salesOrderTopic: option(
    'FERRY_SALES_ORDER_TOPIC',
    text,
    'ferry.sales.orders',
    'Topic of SalesOrderPlaced events',
  ),
  maxBodyBytes: option(
    'FERRY_MAX_BODY_BYTES',
    integer({ min: 1024 }),
    256 * 1024,
    'Largest accepted request body',
  ),
  idempotencyRetentionMs: option(
    'FERRY_IDEMPOTENCY_RETENTION_MS',
    integer({ min: 3_600_000 }),
    7 * 24 * 3_600_000,
    'How long an Idempotency-Key and its answer are kept',
  ),
  createTopics: option(
    'FERRY_CREATE_TOPICS',
    boolean,
    true,
    'Create missing topics at start (off where topics are managed elsewhere)',
  ),
};

export type OrderApiConfig = ConfigOf<typeof orderApiOptions>;

export const ORDER_API_CONFIG = Symbol('OrderApiConfig');

export function readOrderApiConfig(env: NodeJS.ProcessEnv = process.env): OrderApiConfig {
  return readConfig(orderApiOptions, env);
}
