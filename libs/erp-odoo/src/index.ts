// The ERP adapter port and its Odoo implementation. Pure parts (verification, mapping, cursor,
// pacing) are exported on their own so apps and tests can use them without a client.
export { ChangeRejectionStatus } from './adapter/erp-adapter';
export type {
  ChangeNotice,
  ChangePage,
  ChangeReading,
  ChangeRejection,
  CursorStore,
  ErpAdapter,
  ErpEvent,
  ErpOwnedEntity,
  RecordMapping,
  WriteOutcome,
} from './adapter/erp-adapter';
export { OdooErpAdapter } from './adapter/odoo-erp-adapter';
export type { OdooAdapterOptions } from './adapter/odoo-erp-adapter';
export { odooFieldNames } from './adapter/odoo-reads';
export type { OdooFieldNames } from './adapter/odoo-reads';

export {
  OdooAuthenticationError,
  OdooDataError,
  OdooError,
  OdooHttpError,
  OdooProtocolError,
  OdooServerError,
  OdooUnreachableError,
} from './client/errors';
export type { FetchFunction } from './client/http-transport';
export { Json2Client } from './client/json2-client';
export type { Json2Settings } from './client/json2-client';
export { JsonRpcClient } from './client/json-rpc-client';
export type { JsonRpcSettings } from './client/json-rpc-client';
export { jsonRpcErrorStatus } from './client/json-rpc-errors';
export { CORRELATION_CONTEXT_KEY, correlatedClient } from './client/odoo-client';
export type { OdooCall, OdooClient, OdooDomain } from './client/odoo-client';
export {
  createOdooClient,
  odooConnectionOptions,
  odooConnectionProblems,
  readOdooConnectionConfig,
} from './client/odoo-options';
export type { OdooConnectionConfig } from './client/odoo-options';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './client/retry-after';
export { tracedOdooClient } from './client/traced-client';

export {
  CUSTOMER_INVOICE_TYPES,
  invoiceIgnoredReason,
  invoiceState,
  PUBLISHED_INVOICE_STATES,
  toInvoicePosted,
} from './mapping/invoice';
export { planGoodsReceipt, receiptMarker } from './mapping/goods-receipt-plan';
export type { GoodsReceiptPlan, OdooReceiptMove } from './mapping/goods-receipt-plan';
export { inventoryQuantVals } from './mapping/inventory-quant';
export { OdooMappingError } from './mapping/mapping-error';
export type {
  OdooCurrency,
  OdooInvoiceRecord,
  OdooPurchaseOrderLine,
  OdooPurchaseOrderRecord,
  OdooRecord,
} from './mapping/odoo-records';
export {
  purchaseOrderLifecycle,
  SCHEMA_DECIMAL_SCALE,
  toPurchaseOrderState,
} from './mapping/purchase-order';
export { mapOdooRecord } from './mapping/record-events';
export {
  customerPartnerVals,
  SALE_ORDER_EXTERNAL_ID_FIELD,
  saleOrderVals,
} from './mapping/sales-order-vals';
export type { SaleOrderReferences } from './mapping/sales-order-vals';
export { OdooReferenceError } from './mapping/sink-errors';
export { ERP_SOURCE, sourceVersionOf } from './mapping/source-version';

export {
  decimalFromOdoo,
  DecimalConversionError,
  odooNumberFromDecimal,
} from './odoo/odoo-decimal';
export { formatOdooDatetime, parseOdooDatetime } from './odoo/odoo-values';

export { CHANGE_ORDER, changedAfterDomain, cursorAfter, settleBound } from './poller/change-cursor';
export type { OdooChangeCursor } from './poller/change-cursor';
export { PacedOdooClient } from './poller/paced-client';
export { DEFAULT_SETTLE_MS, readChangedRows } from './poller/read-changes';
export type { ChangedRows, ChangeQuery } from './poller/read-changes';

export { webhookDeliveryId, WEBHOOK_DELIVERY_NAMESPACE } from './webhook/delivery-id';
export {
  isOdooModel,
  OdooForeignModels,
  OdooModels,
  OdooWebhookPayloadSchema,
  readOdooWebhook,
} from './webhook/odoo-webhook';
export type { OdooModel, OdooWebhookPayload } from './webhook/odoo-webhook';
export {
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signaturePolicyProblems,
  signedWebhookHeaders,
  verifyWebhookSignature,
  webhookSignature,
  WebhookVerdictStatus,
} from './webhook/verify-signature';
export type {
  WebhookSignaturePolicy,
  WebhookVerdict,
  WebhookVerdictKind,
} from './webhook/verify-signature';
export { FerryWebhookHeaders } from './webhook/webhook-headers';
export type { WebhookHeaders } from './webhook/webhook-headers';
