import { commaList, integer, option, readConfig, text, type ConfigOf } from '@ferry/config';
import { Topics } from '@ferry/contracts';
import {
  DEFAULT_SETTLE_MS,
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  odooConnectionOptions,
} from '@ferry/erp-odoo';
import { databaseOptions } from '@ferry/persistence';
import { consumerOptions, serviceOptions, serviceRoleOptions } from '@ferry/service-host';

const DAY_MS = 24 * 3_600_000;

/** Everything the ERP adapter reads from its environment (Odoo first). */
export const erpAdapterOptions = {
  ...serviceOptions(3004),
  ...serviceRoleOptions,
  ...odooConnectionOptions,
  odooMajorVersion: option(
    'FERRY_ODOO_MAJOR_VERSION',
    integer({ min: 16, max: 99 }),
    19,
    'Odoo major version; picks renamed fields (19 matches the json2 protocol default)',
  ),
  // Deliveries, cursors, the integration log, the sinks' dedup and parking.
  ...databaseOptions,
  // The sinks write one paced ERP call per event: small transactions, one partition at a time.
  ...consumerOptions({ maxBatchSize: 50, partitionsConcurrently: 1 }),
  webhookSecrets: option(
    'FERRY_ODOO_WEBHOOK_SECRETS',
    commaList,
    undefined,
    'Accepted webhook signing secrets, comma-separated, newest first (each 16+ characters)',
    { secret: true },
  ),
  webhookToleranceSeconds: option(
    'FERRY_ODOO_WEBHOOK_TOLERANCE_SECONDS',
    integer({ min: 1, max: 3600 }),
    DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    'How far a delivery’s signed timestamp may be from our clock, either way',
  ),
  webhookMaxBodyBytes: option(
    'FERRY_ODOO_WEBHOOK_MAX_BODY_BYTES',
    integer({ min: 1024 }),
    DEFAULT_WEBHOOK_MAX_BODY_BYTES,
    'Largest webhook body read (larger: 413 before anything is verified)',
  ),
  deliveryRetentionMs: option(
    'FERRY_ODOO_WEBHOOK_DELIVERY_RETENTION_MS',
    integer({ min: 3_600_000 }),
    7 * DAY_MS,
    'How long delivery ids (replay detection) and published event ids are kept',
  ),
  pollIntervalMs: option(
    'FERRY_ODOO_POLL_INTERVAL_MS',
    integer({ min: 0 }),
    30_000,
    'Catch-up poll interval per ERP-owned entity; 0 disables the poll',
  ),
  pollSettleMs: option(
    'FERRY_ODOO_POLL_SETTLE_MS',
    integer({ min: 0 }),
    DEFAULT_SETTLE_MS,
    'The poll leaves changes younger than this for the next round (late-committing writes)',
  ),
  pollPageSize: option(
    'FERRY_ODOO_POLL_PAGE_SIZE',
    integer({ min: 1, max: 5000 }),
    200,
    'Records read per catch-up request',
  ),
  purchaseOrderTopic: option(
    'FERRY_PURCHASE_ORDER_TOPIC',
    text,
    Topics.purchaseOrders.name,
    'Topic of PurchaseOrderState events (published)',
  ),
  invoiceTopic: option(
    'FERRY_INVOICE_TOPIC',
    text,
    Topics.invoices.name,
    'Topic of InvoicePosted events (published)',
  ),
  salesOrderTopic: option(
    'FERRY_SALES_ORDER_TOPIC',
    text,
    Topics.salesOrders.name,
    'Topic of SalesOrderPlaced events (written into the ERP)',
  ),
  goodsReceiptTopic: option(
    'FERRY_GOODS_RECEIPT_TOPIC',
    text,
    Topics.goodsReceipts.name,
    'Topic of GoodsReceiptRecorded events (written into the ERP)',
  ),
  inventoryTopic: option(
    'FERRY_INVENTORY_TOPIC',
    text,
    Topics.inventoryLevels.name,
    'Topic of InventoryLevelSet events (written into the ERP)',
  ),
  sinkGroupPrefix: option(
    'FERRY_ERP_SINK_GROUP_PREFIX',
    text,
    'ferry.erp-sink',
    'Consumer groups of the sink are <prefix>.<entity> (also their dedup scope)',
  ),
};

export type ErpAdapterConfig = ConfigOf<typeof erpAdapterOptions>;

export const ERP_ADAPTER_CONFIG = Symbol('ErpAdapterConfig');

export function readErpAdapterConfig(env: NodeJS.ProcessEnv = process.env): ErpAdapterConfig {
  return readConfig(erpAdapterOptions, env);
}
