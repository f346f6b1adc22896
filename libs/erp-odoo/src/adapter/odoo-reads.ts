import { z } from 'zod';
import type { OdooClient } from '../client/odoo-client';
import type {
  OdooCurrency,
  OdooInvoiceRecord,
  OdooPurchaseOrderRecord,
} from '../mapping/odoo-records';
import { OdooDataError } from '../client/errors';
import {
  many2one,
  many2oneId,
  many2oneName,
  optionalText,
  textOrUndefined,
} from '../odoo/odoo-values';
import { expectShape, readIds } from './odoo-calls';

/** Field names that moved between Odoo versions. */
export interface OdooFieldNames {
  /** Unit of measure of a purchase.order.line: `product_uom` up to 18, `product_uom_id` in 19. */
  readonly purchaseLineUom: string;
  /** Done quantity of a stock.move: `quantity` from 17, `quantity_done` in 16. */
  readonly moveQuantity: string;
}

export function odooFieldNames(majorVersion: number): OdooFieldNames {
  return {
    purchaseLineUom: majorVersion >= 19 ? 'product_uom_id' : 'product_uom',
    moveQuantity: majorVersion >= 17 ? 'quantity' : 'quantity_done',
  };
}

export const PURCHASE_ORDER_FIELDS = [
  'name',
  'state',
  'receipt_status',
  'partner_id',
  'currency_id',
  'picking_type_id',
  'date_planned',
  'order_line',
  'write_date',
] as const;

const PurchaseOrderRow = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  receipt_status: optionalText.optional(),
  partner_id: many2one,
  currency_id: many2one,
  picking_type_id: many2one,
  date_planned: optionalText,
  order_line: z.array(z.number().int()),
  write_date: z.string(),
});

export const INVOICE_FIELDS = [
  'name',
  'move_type',
  'state',
  'payment_state',
  'partner_id',
  'ref',
  'currency_id',
  'amount_untaxed',
  'amount_tax',
  'amount_total',
  'amount_residual',
  'invoice_date',
  'invoice_date_due',
  'write_date',
] as const;

const InvoiceRow = z.looseObject({
  id: z.number().int(),
  name: optionalText,
  move_type: z.string(),
  state: z.string(),
  payment_state: optionalText.optional(),
  partner_id: many2one,
  ref: optionalText,
  currency_id: many2one,
  amount_untaxed: z.number(),
  amount_tax: z.number(),
  amount_total: z.number(),
  amount_residual: z.number(),
  invoice_date: optionalText,
  invoice_date_due: optionalText,
  write_date: z.string(),
});

const PurchaseLineRow = z.looseObject({
  id: z.number().int(),
  order_id: many2one,
  product_id: many2one,
  product_qty: z.number(),
  price_unit: z.number(),
  date_planned: optionalText,
  display_type: optionalText,
});

const CurrencyRow = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  decimal_places: z.number().int().min(0),
});
const ProductRow = z.looseObject({ id: z.number().int(), default_code: optionalText });
const PickingTypeRow = z.looseObject({ id: z.number().int(), warehouse_id: many2one });
const WarehouseRow = z.looseObject({ id: z.number().int(), code: optionalText });

function unitName(value: unknown): string {
  const parsed = many2one.safeParse(value);
  return (parsed.success ? many2oneName(parsed.data) : undefined) ?? 'unit';
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new OdooDataError(`${what} is missing`);
  return value;
}

async function currenciesById(
  client: OdooClient,
  ids: readonly (number | undefined)[],
): Promise<Map<number, OdooCurrency>> {
  const known = ids.filter((id): id is number => id !== undefined);
  const rows = await readIds(
    client,
    'res.currency',
    known,
    ['name', 'decimal_places'],
    CurrencyRow,
  );
  return new Map(rows.map((r) => [r.id, { code: r.name, decimalPlaces: r.decimal_places }]));
}

/** Purchase orders with their product lines, SKUs, currency precision and warehouse codes. */
export async function assemblePurchaseOrders(
  client: OdooClient,
  answer: readonly unknown[],
  fields: OdooFieldNames,
): Promise<OdooPurchaseOrderRecord[]> {
  const orders = expectShape(z.array(PurchaseOrderRow), answer, 'purchase.order rows');
  const lines = await readIds(
    client,
    'purchase.order.line',
    orders.flatMap((o) => o.order_line),
    [
      'order_id',
      'product_id',
      'product_qty',
      'price_unit',
      'date_planned',
      'display_type',
      fields.purchaseLineUom,
    ],
    PurchaseLineRow,
  );
  const productLines = lines.filter((l) => l.display_type === false && l.product_id !== false);
  const products = await readIds(
    client,
    'product.product',
    productLines.map((l) => many2oneId(l.product_id) ?? 0),
    ['default_code'],
    ProductRow,
  );
  const skuOf = new Map(products.map((p) => [p.id, textOrUndefined(p.default_code)]));
  const types = await readIds(
    client,
    'stock.picking.type',
    orders.map((o) => many2oneId(o.picking_type_id) ?? 0).filter((id) => id > 0),
    ['warehouse_id'],
    PickingTypeRow,
  );
  const warehouses = await readIds(
    client,
    'stock.warehouse',
    types.map((t) => many2oneId(t.warehouse_id) ?? 0).filter((id) => id > 0),
    ['code'],
    WarehouseRow,
  );
  const warehouseCode = new Map(warehouses.map((w) => [w.id, textOrUndefined(w.code)]));
  const warehouseOfType = new Map(
    types.map((t) => [t.id, warehouseCode.get(many2oneId(t.warehouse_id) ?? 0)]),
  );
  const currencies = await currenciesById(
    client,
    orders.map((o) => many2oneId(o.currency_id)),
  );
  return orders.map((order) => ({
    model: 'purchase.order',
    id: order.id,
    name: order.name,
    writeDate: order.write_date,
    state: order.state,
    receiptStatus:
      order.receipt_status === undefined ? undefined : textOrUndefined(order.receipt_status),
    supplierId: required(many2oneId(order.partner_id), `partner of purchase.order ${order.id}`),
    supplierName: many2oneName(order.partner_id) ?? '',
    currency: required(
      currencies.get(many2oneId(order.currency_id) ?? 0),
      `currency of purchase.order ${order.id}`,
    ),
    warehouse: required(
      warehouseOfType.get(many2oneId(order.picking_type_id) ?? 0),
      `warehouse of purchase.order ${order.id}`,
    ),
    datePlanned: textOrUndefined(order.date_planned),
    lines: productLines
      .filter((line) => many2oneId(line.order_id) === order.id)
      .map((line) => ({
        id: line.id,
        sku: skuOf.get(many2oneId(line.product_id) ?? 0),
        quantity: line.product_qty,
        unit: unitName(line[fields.purchaseLineUom]),
        priceUnit: line.price_unit,
        datePlanned: textOrUndefined(line.date_planned),
      })),
  }));
}

/** Invoices with their currency precision. */
export async function assembleInvoices(
  client: OdooClient,
  answer: readonly unknown[],
): Promise<OdooInvoiceRecord[]> {
  const moves = expectShape(z.array(InvoiceRow), answer, 'account.move rows');
  const currencies = await currenciesById(
    client,
    moves.map((m) => many2oneId(m.currency_id)),
  );
  return moves.map((move) => ({
    model: 'account.move',
    id: move.id,
    name: textOrUndefined(move.name) ?? '',
    writeDate: move.write_date,
    moveType: move.move_type,
    state: move.state,
    paymentState:
      move.payment_state === undefined ? undefined : textOrUndefined(move.payment_state),
    customerId: many2oneId(move.partner_id),
    ref: textOrUndefined(move.ref),
    currency: required(
      currencies.get(many2oneId(move.currency_id) ?? 0),
      `currency of account.move ${move.id}`,
    ),
    amountUntaxed: move.amount_untaxed,
    amountTax: move.amount_tax,
    amountTotal: move.amount_total,
    amountResidual: move.amount_residual,
    invoiceDate: textOrUndefined(move.invoice_date),
    invoiceDateDue: textOrUndefined(move.invoice_date_due),
  }));
}
