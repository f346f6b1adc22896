import {
  deriveEventId,
  type PurchaseOrderLifecycle,
  type PurchaseOrderLine,
  type PurchaseOrderState,
} from '@ferry/contracts';
import { decimalFromOdoo, DecimalConversionError } from '../odoo/odoo-decimal';
import { odooDay } from '../odoo/odoo-values';
import { OdooMappingError } from './mapping-error';
import type { OdooPurchaseOrderLine, OdooPurchaseOrderRecord } from './odoo-records';
import { ERP_SOURCE, sourceVersionOf } from './source-version';

/** Scale of decimals in the schemas (bytes/decimal, scale 4). */
export const SCHEMA_DECIMAL_SCALE = 4;

/**
 * Purchase order state in Ferry's lifecycle. RFQs (draft, sent, waiting approval) are DRAFT;
 * a confirmed or locked order is CONFIRMED, PARTIALLY_RECEIVED or RECEIVED by its receipt
 * status; cancel is CANCELLED. A state this mapping does not know is UNKNOWN (the schema's
 * default), never a guess.
 */
export function purchaseOrderLifecycle(
  state: string,
  receiptStatus: string | undefined,
): PurchaseOrderLifecycle {
  switch (state) {
    case 'draft':
    case 'sent':
    case 'to approve':
      return 'DRAFT';
    case 'purchase':
    case 'done':
      if (receiptStatus === 'full') return 'RECEIVED';
      if (receiptStatus === 'partial') return 'PARTIALLY_RECEIVED';
      return 'CONFIRMED';
    case 'cancel':
      return 'CANCELLED';
    default:
      return 'UNKNOWN';
  }
}

function lineOf(line: OdooPurchaseOrderLine, problems: string[]): PurchaseOrderLine | undefined {
  const where = `line ${line.id}`;
  if (line.sku === undefined) problems.push(`${where}: the product has no internal reference`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 0)
    problems.push(`${where}: quantity ${line.quantity} is not a whole number of ${line.unit}`);
  let unitPrice: string | undefined;
  try {
    // Prices carry Odoo's "Product Price" precision; the schema keeps 4 places.
    unitPrice = decimalFromOdoo(line.priceUnit, SCHEMA_DECIMAL_SCALE, SCHEMA_DECIMAL_SCALE);
  } catch (error: unknown) {
    if (!(error instanceof DecimalConversionError)) throw error;
    problems.push(`${where}: price ${error.message}`);
  }
  if (line.sku === undefined || unitPrice === undefined) return undefined;
  return {
    lineId: String(line.id),
    sku: line.sku,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice,
    expectedDate: line.datePlanned === undefined ? null : (odooDay(line.datePlanned) ?? null),
  };
}

/** The full PurchaseOrderState event of an Odoo purchase order and its product lines. */
export function toPurchaseOrderState(record: OdooPurchaseOrderRecord): PurchaseOrderState {
  const problems: string[] = [];
  const lines = record.lines.map((line) => lineOf(line, problems));
  if (problems.length > 0) throw new OdooMappingError(record.model, record.id, problems);
  const entityId = String(record.id);
  const sourceVersion = sourceVersionOf(record.writeDate);
  return {
    eventId: deriveEventId(ERP_SOURCE, entityId, sourceVersion),
    entityId,
    sourceSystem: ERP_SOURCE,
    sourceVersion,
    occurredAt: sourceVersion,
    purchaseOrderId: entityId,
    reference: record.name,
    supplierId: String(record.supplierId),
    supplierName: record.supplierName,
    state: purchaseOrderLifecycle(record.state, record.receiptStatus),
    currency: record.currency.code,
    warehouse: record.warehouse,
    expectedDate: record.datePlanned === undefined ? null : (odooDay(record.datePlanned) ?? null),
    lines: lines.filter((line): line is PurchaseOrderLine => line !== undefined),
  };
}
