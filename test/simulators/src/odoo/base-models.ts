import type { ModelSpec } from './model-spec';
import { active, char, firstOf, float, m2o, selection } from './odoo-fields';
import type { StoredValue } from './odoo-values';

// Odoo's base data: companies, currencies, units of measure, contacts and products.

const company: ModelSpec = {
  name: 'res.company',
  description: 'Companies',
  order: 'sequence, name',
  fields: {
    name: char('Company Name', { required: true }),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    currency_id: m2o('res.currency', 'Currency', { required: true }),
  },
};

/** `res.currency._compute_decimal_places`: digits implied by the rounding factor. */
function decimalPlaces(rounding: StoredValue | undefined): number {
  return typeof rounding === 'number' && rounding > 0 && rounding < 1
    ? Math.ceil(Math.log10(1 / rounding))
    : 0;
}

const currency: ModelSpec = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: {
    name: char('Currency', { required: true }),
    full_name: char('Name'),
    symbol: char('Symbol', { required: true }),
    rounding: float('Rounding Factor', { default: 0.01 }),
    decimal_places: {
      type: 'integer',
      string: 'Decimal Places',
      compute: (record) => decimalPlaces(record.values['rounding']),
    },
    position: selection('Symbol Position', ['after', 'before'], 'after'),
    active: active(),
  },
};

const uom: ModelSpec = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'sequence, id',
  fields: {
    name: char('Unit Name', { required: true }),
    sequence: { type: 'integer', string: 'Sequence', default: 10 },
    rounding: float('Rounding Precision', { default: 0.01 }),
    active: active(),
  },
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
    active: active(),
  },
};

const units = firstOf('uom.uom', [['name', '=', 'Units']]);

/** product.product; `uom_po_id` (purchase unit) exists up to Odoo 18. */
function product(majorVersion: number): ModelSpec {
  return {
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
      uom_id: m2o('uom.uom', 'Unit', { required: true, default: units }),
      ...(majorVersion <= 18
        ? { uom_po_id: m2o('uom.uom', 'Purchase Unit', { required: true, default: units }) }
        : {}),
      active: active(),
    },
    displayName: (record) => {
      const code = record.values['default_code'];
      const name = String(record.values['name'] || '');
      return typeof code === 'string' && code ? `[${code}] ${name}` : name;
    },
  };
}

export function baseModels(majorVersion: number): ModelSpec[] {
  return [company, currency, uom, partner, product(majorVersion)];
}
