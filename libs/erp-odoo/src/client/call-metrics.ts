import { measureDownstreamCall } from '@ferry/observability';
import type { OdooCall } from './odoo-client';

/**
 * The Odoo models and methods Ferry calls. A call outside them (a new mapping not listed yet) is
 * labelled `other`, so that the label set stays bounded whatever a caller passes.
 */
const ODOO_MODELS: ReadonlySet<string> = new Set([
  'account.move',
  'product.product',
  'purchase.order',
  'purchase.order.line',
  'res.currency',
  'res.partner',
  'sale.order',
  'stock.location',
  'stock.move',
  'stock.picking',
  'stock.picking.type',
  'stock.quant',
  'stock.warehouse',
]);
const ODOO_METHODS: ReadonlySet<string> = new Set([
  'action_apply_inventory',
  'action_confirm',
  'button_validate',
  'create',
  'read',
  'search_read',
  'write',
]);

/** Pure: the `operation` label of a call, `model.method` (e.g. `sale.order.create`) or `other`. */
export function odooOperation(call: Pick<OdooCall, 'model' | 'method'>): string {
  return ODOO_MODELS.has(call.model) && ODOO_METHODS.has(call.method)
    ? `${call.model}.${call.method}`
    : 'other';
}

/** One Odoo call, measured as `ferry_downstream_call_*{system="erp"}`. */
export function measuredOdooCall<T>(call: OdooCall, work: () => Promise<T>): Promise<T> {
  return measureDownstreamCall({ system: 'erp', operation: odooOperation(call) }, work);
}
