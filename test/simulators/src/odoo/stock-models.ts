import type { ModelSpec, RecordView } from './model-spec';
import {
  active,
  char,
  datetime,
  float,
  m2o,
  now,
  num,
  o2m,
  related,
  selection,
} from './odoo-fields';
import type { StoredRecord } from './odoo-values';

// Inventory: locations, warehouses and their operation types, transfers, moves and quants.

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
    warehouse_id: m2o('stock.warehouse', 'Warehouse'),
    active: active(),
  },
  displayName: (record, view) => locationPath(record, view),
};

function locationPath(record: StoredRecord, view: RecordView, depth = 0): string {
  const name = String(record.values['name'] || '');
  const parentId = record.values['location_id'];
  const parent = typeof parentId === 'number' ? view.get('stock.location', parentId) : undefined;
  return parent && depth < 10 ? `${locationPath(parent, view, depth + 1)}/${name}` : name;
}

const warehouse: ModelSpec = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  order: 'sequence, id',
  fields: {
    name: char('Warehouse', { required: true }),
    code: char('Short Name', { required: true }),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    view_location_id: m2o('stock.location', 'View Location'),
    lot_stock_id: m2o('stock.location', 'Location Stock'),
    in_type_id: m2o('stock.picking.type', 'In Type'),
    out_type_id: m2o('stock.picking.type', 'Out Type'),
    active: active(),
  },
};

const pickingType: ModelSpec = {
  name: 'stock.picking.type',
  description: 'Picking Type',
  order: 'sequence, id',
  fields: {
    name: char('Operation Type', { required: true }),
    code: selection('Type of Operation', ['incoming', 'outgoing', 'internal'], 'incoming'),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    sequence_code: char('Sequence Prefix', { required: true }),
    warehouse_id: m2o('stock.warehouse', 'Warehouse'),
    default_location_src_id: m2o('stock.location', 'Default Source Location'),
    default_location_dest_id: m2o('stock.location', 'Default Destination Location'),
    active: active(),
  },
  displayName: (record, view) => {
    const warehouseId = record.values['warehouse_id'];
    const name = String(record.values['name'] || '');
    return typeof warehouseId === 'number'
      ? `${view.displayName('stock.warehouse', warehouseId)}: ${name}`
      : name;
  },
};

const lot: ModelSpec = {
  name: 'stock.lot',
  description: 'Lot/Serial',
  order: 'name, id',
  fields: {
    name: char('Lot/Serial Number', { required: true }),
    product_id: m2o('product.product', 'Product', { required: true }),
  },
};

const quantPackage: ModelSpec = {
  name: 'stock.quant.package',
  description: 'Packages',
  order: 'name',
  fields: { name: char('Package Reference') },
};

const quant: ModelSpec = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'location_id, id',
  fields: {
    product_id: m2o('product.product', 'Product', { required: true }),
    location_id: m2o('stock.location', 'Location', { required: true }),
    lot_id: m2o('stock.lot', 'Lot/Serial Number'),
    package_id: m2o('stock.quant.package', 'Package'),
    owner_id: m2o('res.partner', 'Owner'),
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

/** `<warehouse code>/<operation prefix>/`, as Odoo's per-operation-type sequences (WH/IN/00001). */
function pickingPrefix(typeId: unknown, view: RecordView): string {
  const type = typeof typeId === 'number' ? view.get('stock.picking.type', typeId) : undefined;
  if (type === undefined) return 'WH/IN/';
  const warehouseId = type.values['warehouse_id'];
  const code =
    typeof warehouseId === 'number' ? view.get('stock.warehouse', warehouseId)?.values['code'] : '';
  const prefix = String(type.values['sequence_code'] || 'IN');
  return typeof code === 'string' && code ? `${code}/${prefix}/` : `${prefix}/`;
}

const picking: ModelSpec = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  fields: {
    name: char('Reference'),
    origin: char('Source Document'),
    note: { type: 'html', string: 'Notes' },
    partner_id: m2o('res.partner', 'Contact'),
    picking_type_id: m2o('stock.picking.type', 'Operation Type', { required: true }),
    picking_type_code: {
      type: 'selection',
      string: 'Type of Operation',
      selection: ['incoming', 'outgoing', 'internal'],
      compute: related('picking_type_id', 'stock.picking.type', 'code'),
    },
    location_id: m2o('stock.location', 'Source Location'),
    location_dest_id: m2o('stock.location', 'Destination Location'),
    state: selection('Status', PICKING_STATES, 'draft'),
    priority: selection('Priority', ['0', '1'], '0'),
    scheduled_date: datetime('Scheduled Date', { default: now }),
    date_done: datetime('Date of Transfer'),
    backorder_id: m2o('stock.picking', 'Back Order of'),
    purchase_id: m2o('purchase.order', 'Purchase Orders'),
    sale_id: m2o('sale.order', 'Sales Order'),
    carrier_tracking_ref: char('Tracking Reference'),
    move_ids: o2m('stock.move', 'picking_id', 'Stock Moves'),
  },
  sequence: {
    prefix: (values, view) => pickingPrefix(values['picking_type_id'], view),
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
    picking_type_id: m2o('stock.picking.type', 'Operation Type'),
    product_id: m2o('product.product', 'Product', { required: true }),
    product_uom_qty: float('Demand'),
    // Odoo 17+: the reserved, then picked quantity; what validation makes done.
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

export const STOCK_MODELS: readonly ModelSpec[] = [
  location,
  warehouse,
  pickingType,
  lot,
  quantPackage,
  quant,
  picking,
  move,
];
