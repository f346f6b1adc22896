import { integer, option, readConfig, text, type ConfigOf } from '@ferry/config';
import { databaseOptions } from '@ferry/persistence';
import { ingressAuthOptions, serviceOptions } from '@ferry/service-host';

/** Everything the order API reads from its environment. */
export const orderApiOptions = {
  ...serviceOptions(3003),
  ...ingressAuthOptions,
  // Idempotency keys and placed orders.
  ...databaseOptions,
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
};

export type OrderApiConfig = ConfigOf<typeof orderApiOptions>;

export const ORDER_API_CONFIG = Symbol('OrderApiConfig');

export function readOrderApiConfig(env: NodeJS.ProcessEnv = process.env): OrderApiConfig {
  return readConfig(orderApiOptions, env);
}
