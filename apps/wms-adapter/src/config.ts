import { ConfigError, integer, option, readConfig, text, type ConfigOf } from '@ferry/config';
import { Topics } from '@ferry/contracts';
import { databaseOptions } from '@ferry/persistence';
import {
  consumerBindingOptions,
  consumerOptions,
  ingressAuthOptions,
  serviceOptions,
  serviceRoleOptions,
} from '@ferry/service-host';

/** Everything the WMS adapter reads from its environment. */
export const wmsAdapterOptions = {
  ...serviceOptions(3001),
  ...serviceRoleOptions,
  ...ingressAuthOptions,
  // The expected-receipts sink's: its pool, its consumer.
  ...databaseOptions,
  ...consumerOptions(),
  ...consumerBindingOptions({
    topic: Topics.purchaseOrders,
    topicVariable: 'FERRY_PURCHASE_ORDER_TOPIC',
    group: 'ferry.wms-expected-receipts',
    groupVariable: 'FERRY_WMS_SINK_GROUP',
  }),
  inventoryTopic: option(
    'FERRY_INVENTORY_TOPIC',
    text,
    Topics.inventoryLevels.name,
    'Topic of InventoryLevelSet events',
  ),
  goodsReceiptTopic: option(
    'FERRY_GOODS_RECEIPT_TOPIC',
    text,
    Topics.goodsReceipts.name,
    'Topic of GoodsReceiptRecorded events',
  ),
  shipmentStatusTopic: option(
    'FERRY_SHIPMENT_STATUS_TOPIC',
    text,
    Topics.shipmentStatus.name,
    'Topic of ShipmentStatusChanged events',
  ),
  wmsUrl: option(
    'FERRY_WMS_URL',
    text,
    '',
    'Base URL of the WMS API; when set, confirmed purchase orders are sent there as expected receipts',
  ),
  wmsTimeoutMs: option(
    'FERRY_WMS_TIMEOUT_MS',
    integer({ min: 100, max: 120_000 }),
    5000,
    'Timeout of one call to the WMS',
  ),
  maxBodyBytes: option(
    'FERRY_MAX_BODY_BYTES',
    integer({ min: 1024 }),
    1024 * 1024,
    'Largest accepted request body',
  ),
  maxItemsPerRequest: option(
    'FERRY_MAX_SNAPSHOTS_PER_REQUEST',
    integer({ min: 1, max: 10000 }),
    1000,
    'Most snapshots in one batch request',
  ),
};

export type WmsAdapterConfig = ConfigOf<typeof wmsAdapterOptions>;

export const WMS_ADAPTER_CONFIG = Symbol('WmsAdapterConfig');

export function readWmsAdapterConfig(env: NodeJS.ProcessEnv = process.env): WmsAdapterConfig {
  const config = readConfig(wmsAdapterOptions, env);
  // A sink process with nowhere to write would sit idle and look healthy.
  if (config.role === 'sink' && config.wmsUrl === '')
    throw new ConfigError(['FERRY_ROLE=sink writes into the WMS: set FERRY_WMS_URL']);
  return config;
}
