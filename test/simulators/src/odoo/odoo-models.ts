import type { FieldSpec, ModelSpec, RecordView } from './model-spec';
import { formatOdooDatetime, type StoredRecord, type StoredValue } from './odoo-values';

// The subset of Odoo 16–19's standard models Ferry's adapters touch, with Odoo's field names.

const char = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'char',
  string,
  ...extra,
});
const float = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'float',
  string,
  default: 0,
  ...extra,
});
const m2o = (relation: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'many2one',
  relation,
  string,
  ...extra,
});
const o2m = (relation: string, inverse: string, string: string): FieldSpec => ({
  type: 'one2many',
  relation,
  inverse,
  string,
});
const selection = (string: string, values: readonly string[], fallback: string): FieldSpec => ({
  type: 'selection',
  string,
  selection: values,
  default: fallback,
});
const datetime = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'datetime',
  string,
  ...extra,
});
const now = (ms: number): StoredValue => formatOdooDatetime(ms);
const num = (value: StoredValue | undefined): number => (typeof value === 'number' ? value : 0);

const sumOf =
  (lineModel: string, inverse: string, field: string) =>
  (record: StoredRecord, view: RecordView): StoredValue =>
    view
      .children(lineModel, inverse, record.id)
      .reduce((total, line) => total + num(view.valueOf(lineModel, line, field)), 0);

const lineSubtotal =
  (qtyField: string) =>
  (record: StoredRecord): StoredValue =>
    num(record.values[qtyField]) * num(record.values['price_unit']);

const lineDisplayName =
  (orderModel: string) =>
  (record: StoredRecord, view: RecordView): string => {
    const orderId = record.values['order_id'];
    const order = typeof orderId === 'number' ? view.displayName(orderModel, orderId) : '';
    return `${order}: ${String(record.values['name'] || '')}`;
  };

const partner: ModelSpec = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name ASC, id DESC',
  fields: {
    name: char('Name'),
    complete_name: {
      type: 'char',
      string: 'Complete Name',
      compute: (record) => String(record.values['name'] || ''),
    },
    email: char('Email'),
    phone: char('Phone'),
    ref: char('Reference'),
    vat: char('Tax ID'),
    is_company: { type: 'boolean', string: 'Is a Company', default: false },
    street: char('Street'),
    city: char('City'),
    zip: char('Zip'),
    active: { type: 'boolean', string: 'Active', default: true },
  },
};

const product: ModelSpec = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  fields: {
    name: char('Name', { required: true }),
    default_code: char('Internal Reference'),
    barcode: char('Barcode'),
    type: selection('Product Type', ['consu', 'service', 'combo', 'product'], 'consu'),
    is_storable: { type: 'boolean', string: 'Track Inventory', default: true },
    list_price: float('Sales Price'),
    standard_price: float('Cost'),
    active: { type: 'boolean', string: 'Active', default: true },
  },
  displayName: (record) => {
    const code = record.values['default_code'];
    const name = String(record.values['name'] || '');
    return typeof code === 'string' && code ? `[${code}] ${name}` : name;
  },
};

const location: ModelSpec = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  fields: {
    name: char('Location Name', { required: true }),
    complete_name: {
      type: 'char',
      string: 'Full Location Name',
      compute: (record, view) => locationPath(record, view),
    },
    location_id: m2o('stock.location', 'Parent Location'),
    usage: selection(
      'Location Type',
      ['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit'],
      'internal',
    ),
    barcode: char('Barcode'),
    active: { type: 'boolean', string: 'Active', default: true },
  },
  displayName: (record, view) => locationPath(record, view),
};

function locationPath(record: StoredRecord, view: RecordView, depth = 0): string {
  const name = String(record.values['name'] || '');
  const parentId = record.values['location_id'];
  const parent = typeof parentId === 'number' ? view.get('stock.location', parentId) : undefined;
  return parent && depth < 10 ? `${locationPath(parent, view, depth + 1)}/${name}` : name;
}

const quant: ModelSpec = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'location_id, id',
  fields: {
    product_id: m2o('product.product', 'Product', { required: true }),
    location_id: m2o('stock.location', 'Location', { required: true }),
    quantity: float('Quantity'),
    reserved_quantity: float('Reserved Quantity'),
    available_quantity: {
      type: 'float',
      string: 'Available Quantity',
      compute: (record) => num(record.values['quantity']) - num(record.values['reserved_quantity']),
    },
    inventory_quantity: float('Counted Quantity'),
    inventory_quantity_set: { type: 'boolean', string: 'Inventory Quantity Set', default: false },
    inventory_diff_quantity: {
      type: 'float',
      string: 'Difference',
      compute: (record) =>
        record.values['inventory_quantity_set'] === true
          ? num(record.values['inventory_quantity']) - num(record.values['quantity'])
          : 0,
    },
    inventory_date: { type: 'date', string: 'Scheduled Date' },
  },
  displayName: (record, view) => {
    const productId = record.values['product_id'];
    return typeof productId === 'number' ? view.displayName('product.product', productId) : '';
  },
};

const PICKING_STATES = ['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'];

const picking: ModelSpec = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  fields: {
    name: char('Reference'),
    origin: char('Source Document'),
    partner_id: m2o('res.partner', 'Contact'),
    picking_type_code: selection(
      'Type of Operation',
      ['incoming', 'outgoing', 'internal'],
      'incoming',
    ),
    location_id: m2o('stock.location', 'Source Location'),
    location_dest_id: m2o('stock.location', 'Destination Location'),
    state: selection('Status', PICKING_STATES, 'draft'),
    priority: selection('Priority', ['0', '1'], '0'),
    scheduled_date: datetime('Scheduled Date', { default: now }),
    date_done: datetime('Date of Transfer'),
    purchase_id: m2o('purchase.order', 'Purchase Orders'),
    sale_id: m2o('sale.order', 'Sales Order'),
    carrier_tracking_ref: char('Tracking Reference'),
    move_ids: o2m('stock.move', 'picking_id', 'Stock Moves'),
  },
  sequence: {
    prefix: (values) => (values['picking_type_code'] === 'outgoing' ? 'WH/OUT/' : 'WH/IN/'),
    padding: 5,
  },
};

const move: ModelSpec = {
  name: 'stock.move',
  description: 'Stock Move',
  order: 'sequence, id',
  fields: {
    name: char('Description'),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    picking_id: m2o('stock.picking', 'Transfer'),
    product_id: m2o('product.product', 'Product', { required: true }),
    product_uom_qty: float('Demand'),
    quantity: float('Quantity'),
    state: selection(
      'Status',
      ['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'],
      'draft',
    ),
    location_id: m2o('stock.location', 'Source Location'),
    location_dest_id: m2o('stock.location', 'Destination Location'),
    purchase_line_id: m2o('purchase.order.line', 'Purchase Order Line'),
    sale_line_id: m2o('sale.order.line', 'Sale Line'),
  },
};

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
    date_order: datetime('Order Deadline', { default: now }),
    date_approve: datetime('Confirmation Date'),
    date_planned: datetime('Expected Arrival'),
    notes: { type: 'text', string: 'Terms and Conditions' },
    order_line: o2m('purchase.order.line', 'order_id', 'Order Lines'),
    picking_ids: o2m('stock.picking', 'purchase_id', 'Receptions'),
    amount_untaxed: {
      type: 'monetary',
      string: 'Untaxed Amount',
      compute: sumOf('purchase.order.line', 'order_id', 'price_subtotal'),
    },
    amount_total: {
      type: 'monetary',
      string: 'Total',
      compute: sumOf('purchase.order.line', 'order_id', 'price_subtotal'),
    },
  },
  sequence: { prefix: () => 'P', padding: 5 },
  unlinkRefusal: (record) =>
    record.values['state'] === 'draft' || record.values['state'] === 'cancel'
      ? undefined
      : 'In order to delete a purchase order, you must cancel it first.',
};

const purchaseLine: ModelSpec = {
  name: 'purchase.order.line',
  description: 'Purchase Order Line',
  order: 'order_id, sequence, id',
  fields: {
    order_id: m2o('purchase.order', 'Order Reference', { required: true }),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    name: char('Description'),
    product_id: m2o('product.product', 'Product'),
    product_qty: float('Quantity'),
    qty_received: float('Received Qty'),
    qty_invoiced: float('Billed Qty'),
    price_unit: float('Unit Price'),
    price_subtotal: { type: 'monetary', string: 'Subtotal', compute: lineSubtotal('product_qty') },
    date_planned: datetime('Expected Arrival'),
  },
  displayName: lineDisplayName('purchase.order'),
  parentField: 'order_id',
};

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
    date_order: datetime('Order Date', { default: now }),
    commitment_date: datetime('Delivery Date'),
    note: { type: 'text', string: 'Terms and conditions' },
    order_line: o2m('sale.order.line', 'order_id', 'Order Lines'),
    picking_ids: o2m('stock.picking', 'sale_id', 'Transfers'),
    amount_untaxed: {
      type: 'monetary',
      string: 'Untaxed Amount',
      compute: sumOf('sale.order.line', 'order_id', 'price_subtotal'),
    },
    amount_total: {
      type: 'monetary',
      string: 'Total',
      compute: sumOf('sale.order.line', 'order_id', 'price_subtotal'),
    },
  },
  sequence: { prefix: () => 'S', padding: 5 },
  unlinkRefusal: (record) =>
    record.values['state'] === 'draft' || record.values['state'] === 'cancel'
      ? undefined
      : 'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
};

const saleLine: ModelSpec = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  fields: {
    order_id: m2o('sale.order', 'Order Reference', { required: true }),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    name: char('Description'),
    product_id: m2o('product.product', 'Product'),
    product_uom_qty: float('Quantity'),
    qty_delivered: float('Delivery Quantity'),
    qty_invoiced: float('Invoiced Quantity'),
    price_unit: float('Unit Price'),
    price_subtotal: {
      type: 'monetary',
      string: 'Subtotal',
      compute: lineSubtotal('product_uom_qty'),
    },
  },
  displayName: lineDisplayName('sale.order'),
  parentField: 'order_id',
};

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
    date: { type: 'date', string: 'Date' },
    invoice_date: { type: 'date', string: 'Invoice/Bill Date' },
    invoice_date_due: { type: 'date', string: 'Due Date' },
    // Odoo computes these from the invoice lines; the simulator lets tests set them directly.
    amount_untaxed: { type: 'monetary', string: 'Untaxed Amount', default: 0 },
    amount_total: { type: 'monetary', string: 'Total', default: 0 },
    amount_residual: { type: 'monetary', string: 'Amount Due', default: 0 },
    payment_state: selection(
      'Payment Status',
      ['not_paid', 'in_payment', 'paid', 'partial', 'reversed', 'invoicing_legacy'],
      'not_paid',
    ),
  },
};

export const STANDARD_MODELS: readonly ModelSpec[] = [
  partner,
  product,
  location,
  quant,
  picking,
  move,
  purchaseOrder,
  purchaseLine,
  saleOrder,
  saleLine,
  accountMove,
];
