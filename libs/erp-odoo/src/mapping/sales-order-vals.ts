import type { SalesOrderPlaced } from '@ferry/contracts';
import { odooNumberFromDecimal } from '../odoo/odoo-decimal';
import { formatOdooDatetime } from '../odoo/odoo-values';
import { OdooReferenceError } from './sink-errors';

/** The Odoo records a sales order points at, looked up before it is created. */
export interface SaleOrderReferences {
  readonly partnerId: number;
  /** product.product id by default_code. */
  readonly productIdsBySku: ReadonlyMap<string, number>;
}

/** The `sale.order` field that carries Ferry's order id; the sink finds earlier writes by it. */
export const SALE_ORDER_EXTERNAL_ID_FIELD = 'client_order_ref';

/**
 * `sale.order` create values of a placed order. `client_order_ref` is the external order id (it
 * makes the create idempotent: the sink searches it first, and Odoo copies it into the invoice's
 * `ref`, which is how InvoicePosted.orderId comes back). Prices go as JSON numbers (see
 * odooNumberFromDecimal); taxes are Odoo's to compute from the products' taxes.
 */
export function saleOrderVals(
  order: SalesOrderPlaced,
  references: SaleOrderReferences,
): Record<string, unknown> {
  const missing = order.lines
    .map((line) => line.sku)
    .filter((sku) => !references.productIdsBySku.has(sku));
  if (missing.length > 0)
    throw new OdooReferenceError([
      `order ${order.externalOrderId}: no Odoo product with internal reference ${[...new Set(missing)].join(', ')}`,
    ]);
  return {
    partner_id: references.partnerId,
    [SALE_ORDER_EXTERNAL_ID_FIELD]: order.externalOrderId,
    origin: `ferry:${order.channel}`,
    date_order: formatOdooDatetime(order.placedAt),
    order_line: order.lines.map((line) => [
      0,
      0,
      {
        product_id: references.productIdsBySku.get(line.sku),
        product_uom_qty: line.quantity,
        price_unit: odooNumberFromDecimal(line.unitPrice),
      },
    ]),
  };
}

/** `res.partner` create values of the order's customer (found later by `ref`). */
export function customerPartnerVals(order: SalesOrderPlaced): Record<string, unknown> {
  return {
    name: order.customer.name,
    email: order.customer.email,
    ref: order.customer.customerId,
  };
}
