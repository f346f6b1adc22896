import type { FieldSpec, ModelSpec, RecordView } from './model-spec';
import {
  char,
  companyCurrency,
  datetime,
  firstOf,
  float,
  lineDisplayName,
  lineSubtotal,
  m2o,
  now,
  num,
  o2m,
  selection,
  sumOf,
} from './odoo-fields';
import type { StoredRecord, StoredValue } from './odoo-values';

// Purchase and sales orders with their lines, and journal entries (invoices).

const currency = (): FieldSpec =>
  m2o('res.currency', 'Currency', { required: true, default: companyCurrency });

/**
 * The unit of an order line: `product_uom` up to Odoo 18, `product_uom_id` from 19. Odoo computes
 * it from the product (its purchase or sales unit); a section or note line has none.
 */
function uomField(majorVersion: number, productUom: string): Record<string, FieldSpec> {
  const name = majorVersion >= 19 ? 'product_uom_id' : 'product_uom';
  const fromProduct = (_now: number, view: RecordView, vals: Readonly<Record<string, unknown>>) => {
    const productId = vals['product_id'];
    const product =
      typeof productId === 'number' ? view.get('product.product', productId) : undefined;
    return product?.values[productUom] ?? false;
  };
  return { [name]: m2o('uom.uom', 'Unit', { default: fromProduct }) };
}

/** Section and note lines carry text only; product lines have `display_type` false. */
const displayType = (): FieldSpec =>
  selection('Display Type', ['line_section', 'line_note'], false);

/**
 * purchase_stock's `_compute_receipt_status`: nothing while there is no live receipt, `full` once
 * every receipt is done or cancelled, `partial` when some is done, else `pending`.
 */
function receiptStatus(record: StoredRecord, view: RecordView): StoredValue {
  const states = view
    .children('stock.picking', 'purchase_id', record.id)
    .map((picking) => picking.values['state']);
  if (states.every((state) => state === 'cancel')) return false;
  if (states.every((state) => state === 'done' || state === 'cancel')) return 'full';
  return states.includes('done') ? 'partial' : 'pending';
}

const totalOf =
  (lineModel: string) =>
  (record: StoredRecord, view: RecordView): StoredValue =>
    num(sumOf(lineModel, 'order_id', 'price_subtotal')(record, view)) +
    num(sumOf(lineModel, 'order_id', 'price_tax')(record, view));

// The simulator has no taxes: every line's tax is 0, as with products that carry none.
const noTax = (): FieldSpec => ({ type: 'monetary', string: 'Tax', compute: () => 0 });

const purchaseOrder: ModelSpec = {
  name: 'purchase.order',
  description: 'Purchase Order',
  order: 'priority desc, id desc',
  fields: {
    name: char('Order Reference'),
    partner_id: m2o('res.partner', 'Vendor', { required: true }),
    partner_ref: char('Vendor Reference'),
    origin: char('Source'),
    priority: selection('Priority', ['0', '1'], '0'),
    state: selection(
      'Status',
      ['draft', 'sent', 'to approve', 'purchase', 'done', 'cancel'],
      'draft',
    ),
    currency_id: currency(),
    // purchase_stock's `_default_picking_type`: the incoming type of the company's warehouse.
    picking_type_id: m2o('stock.picking.type', 'Deliver To', {
      required: true,
      default: firstOf('stock.picking.type', [['code', '=', 'incoming']]),
    }),
    date_order: datetime('Order Deadline', { default: now }),
    date_approve: datetime('Confirmation Date'),
    date_planned: datetime('Expected Arrival'),
    notes: { type: 'html', string: 'Terms and Conditions' },
    order_line: o2m('purchase.order.line', 'order_id', 'Order Lines'),
    picking_ids: o2m('stock.picking', 'purchase_id', 'Receptions'),
    receipt_status: {
      type: 'selection',
      string: 'Receipt Status',
      selection: ['pending', 'partial', 'full'],
      compute: receiptStatus,
    },
    amount_untaxed: {
      type: 'monetary',
      string: 'Untaxed Amount',
      compute: sumOf('purchase.order.line', 'order_id', 'price_subtotal'),
    },
    amount_tax: {
      type: 'monetary',
      string: 'Taxes',
      compute: sumOf('purchase.order.line', 'order_id', 'price_tax'),
    },
    amount_total: { type: 'monetary', string: 'Total', compute: totalOf('purchase.order.line') },
  },
  sequence: { prefix: () => 'P', padding: 5 },
  unlinkRefusal: (record) =>
    record.values['state'] === 'draft' || record.values['state'] === 'cancel'
      ? undefined
      : 'In order to delete a purchase order, you must cancel it first.',
};

function purchaseLine(majorVersion: number): ModelSpec {
  return {
    name: 'purchase.order.line',
    description: 'Purchase Order Line',
    order: 'order_id, sequence, id',
    fields: {
      order_id: m2o('purchase.order', 'Order Reference', { required: true }),
      sequence: { type: 'integer', string: 'Sequence', default: 10 },
      display_type: displayType(),
      name: char('Description'),
      product_id: m2o('product.product', 'Product'),
      product_qty: float('Quantity'),
      ...uomField(majorVersion, majorVersion >= 19 ? 'uom_id' : 'uom_po_id'),
      qty_received: float('Received Qty'),
      qty_invoiced: float('Billed Qty'),
      price_unit: float('Unit Price'),
      price_subtotal: {
        type: 'monetary',
        string: 'Subtotal',
        compute: lineSubtotal('product_qty'),
      },
      price_tax: noTax(),
      date_planned: datetime('Expected Arrival'),
    },
    displayName: lineDisplayName('purchase.order'),
    parentField: 'order_id',
  };
}

const saleOrder: ModelSpec = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  fields: {
    name: char('Order Reference'),
    partner_id: m2o('res.partner', 'Customer', { required: true }),
    client_order_ref: char('Customer Reference'),
    origin: char('Source Document'),
    state: selection('Status', ['draft', 'sent', 'sale', 'done', 'cancel'], 'draft'),
    currency_id: currency(),
    warehouse_id: m2o('stock.warehouse', 'Warehouse', { default: firstOf('stock.warehouse') }),
    date_order: datetime('Order Date', { default: now }),
    commitment_date: datetime('Delivery Date'),
    note: { type: 'html', string: 'Terms and conditions' },
    order_line: o2m('sale.order.line', 'order_id', 'Order Lines'),
    picking_ids: o2m('stock.picking', 'sale_id', 'Transfers'),
    amount_untaxed: {
      type: 'monetary',
      string: 'Untaxed Amount',
      compute: sumOf('sale.order.line', 'order_id', 'price_subtotal'),
    },
    amount_tax: {
      type: 'monetary',
      string: 'Taxes',
      compute: sumOf('sale.order.line', 'order_id', 'price_tax'),
    },
    amount_total: { type: 'monetary', string: 'Total', compute: totalOf('sale.order.line') },
  },
  sequence: { prefix: () => 'S', padding: 5 },
  unlinkRefusal: (record) =>
    record.values['state'] === 'draft' || record.values['state'] === 'cancel'
      ? undefined
      : 'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
};

function saleLine(majorVersion: number): ModelSpec {
  return {
    name: 'sale.order.line',
    description: 'Sales Order Line',
    order: 'order_id, sequence, id',
    fields: {
      order_id: m2o('sale.order', 'Order Reference', { required: true }),
      sequence: { type: 'integer', string: 'Sequence', default: 10 },
      display_type: displayType(),
      name: char('Description'),
      product_id: m2o('product.product', 'Product'),
      product_uom_qty: float('Quantity'),
      ...uomField(majorVersion, 'uom_id'),
      qty_delivered: float('Delivery Quantity'),
      qty_invoiced: float('Invoiced Quantity'),
      price_unit: float('Unit Price'),
      price_subtotal: {
        type: 'monetary',
        string: 'Subtotal',
        compute: lineSubtotal('product_uom_qty'),
      },
      price_tax: noTax(),
    },
    displayName: lineDisplayName('sale.order'),
    parentField: 'order_id',
  };
}

const accountMove: ModelSpec = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'date desc, name desc, invoice_date desc, id desc',
  fields: {
    name: char('Number', { default: '/' }),
    move_type: selection(
      'Type',
      [
        'entry',
        'out_invoice',
        'out_refund',
        'in_invoice',
        'in_refund',
        'out_receipt',
        'in_receipt',
      ],
      'entry',
    ),
    state: selection('Status', ['draft', 'posted', 'cancel'], 'draft'),
    partner_id: m2o('res.partner', 'Partner'),
    ref: char('Reference'),
    invoice_origin: char('Origin'),
    currency_id: currency(),
    date: { type: 'date', string: 'Date' },
    invoice_date: { type: 'date', string: 'Invoice/Bill Date' },
    invoice_date_due: { type: 'date', string: 'Due Date' },
    // Odoo computes these from the invoice lines; the simulator lets tests set them directly.
    amount_untaxed: { type: 'monetary', string: 'Untaxed Amount', default: 0 },
    amount_tax: { type: 'monetary', string: 'Tax', default: 0 },
    amount_total: { type: 'monetary', string: 'Total', default: 0 },
    amount_residual: { type: 'monetary', string: 'Amount Due', default: 0 },
    payment_state: selection(
      'Payment Status',
      ['not_paid', 'in_payment', 'paid', 'partial', 'reversed', 'invoicing_legacy'],
      'not_paid',
    ),
  },
};

export function orderModels(majorVersion: number): ModelSpec[] {
  return [
    purchaseOrder,
    purchaseLine(majorVersion),
    saleOrder,
    saleLine(majorVersion),
    accountMove,
  ];
}
