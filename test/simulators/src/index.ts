// Real HTTP simulators of Odoo and of a WMS, with fault injection, for Ferry's tests and demo.
export { SimClock } from './clock';
export type { FaultMode, ServerFault } from './http/faults';
export type { DeliveryFaults, DeliveryRecord } from './http/outbox';
export { maxRequestsPerWindow } from './http/request-log';
export type { RecordedRequest, RequestFilter } from './http/request-log';
export {
  DEFAULT_SIGNATURE_HEADER,
  DEFAULT_TIMESTAMP_HEADER,
  signatureOf,
  verifySignature,
} from './http/signing';
export type { SignatureFault, SigningOptions } from './http/signing';
export { startOdooSimulator } from './odoo/odoo-simulator';
export type { OdooHarness } from './odoo/odoo-harness';
export type { OdooSimulator, OdooSimulatorOptions } from './odoo/odoo-simulator';
export type { OdooCredentials } from './odoo/rpc-endpoints';
export type { SeededLocations, SeededWarehouse } from './odoo/seed-data';
export type { WebhookRule } from './odoo/webhook-rules';
export type { ModelSpec, FieldSpec, FieldType } from './odoo/model-spec';
export type { ChangeEvent, SearchOptions } from './odoo/orm';
export type { ReadRecord, ReadValue } from './odoo/odoo-values';
export { formatOdooDatetime, parseOdooDatetime } from './odoo/odoo-values';
export { WRITE_METHODS as ODOO_WRITE_METHODS } from './odoo/model-methods';
export { DEFAULT_WMS_TARGET_PATHS, startWmsSimulator } from './wms/wms-simulator';
export type { BurstOptions, ReceiveGoodsOptions, StockChange, WmsHarness } from './wms/wms-harness';
export type { WmsSimulator, WmsSimulatorOptions, WmsTargetPaths } from './wms/wms-simulator';
export type { ExpectedReceiptWrite } from './wms/expected-receipts';
export type {
  ExpectedReceipt,
  ExpectedReceiptInput,
  ExpectedReceiptLine,
  ExpectedReceiptOutcome,
  GoodsReceipt,
  GoodsReceiptLine,
  InventorySnapshot,
  ShipmentStatus,
  ShipmentStatusUpdate,
} from './wms/wms-payloads';
export { startCaptureServer } from './http/capture-server';
export type { CaptureServer, CapturedRequest } from './http/capture-server';
