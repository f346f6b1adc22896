import { userError } from './odoo-errors';
import { formatOdooDate, type StoredRecord, type StoredValue } from './odoo-values';
import type { OdooOrm } from './orm';

// stock.quant in Odoo's "inventory mode" (context `inventory_mode`): counted quantities are set
// through `inventory_quantity` and applied by `action_apply_inventory`.

const num = (value: StoredValue | undefined): number => (typeof value === 'number' ? value : 0);

/** `_get_inventory_fields_create` and `_get_inventory_fields_write` of Odoo 17. */
const WRITE_FIELDS = [
  'inventory_quantity',
  'inventory_quantity_auto_apply',
  'inventory_diff_quantity',
  'inventory_date',
  'user_id',
  'inventory_quantity_set',
  'is_outdated',
  'lot_id',
  'location_id',
  'package_id',
];
const CREATE_FIELDS = ['product_id', 'owner_id', ...WRITE_FIELDS];

const isCount = (vals: Record<string, unknown>): boolean => 'inventory_quantity' in vals;

export function isInventoryMode(context: Readonly<Record<string, unknown>>): boolean {
  return context['inventory_mode'] === true;
}

/**
 * `stock.quant.create` in inventory mode: a count for a (product, location, lot, package) that
 * already has a quant is written on that quant instead of creating a second one.
 */
export function createCountedQuant(
  orm: OdooOrm,
  vals: Record<string, unknown>,
  today: number,
): number {
  if (!isCount(vals)) return orm.create('stock.quant', vals);
  if (Object.keys(vals).some((field) => !CREATE_FIELDS.includes(field)))
    throw userError("Quant's creation is restricted, you can't do this operation.");
  const { inventory_quantity: counted, ...rest } = vals;
  const key = (field: string): unknown => rest[field] ?? false;
  const [existing] = orm.search('stock.quant', [
    ['product_id', '=', key('product_id')],
    ['location_id', '=', key('location_id')],
    ['lot_id', '=', key('lot_id')],
    ['package_id', '=', key('package_id')],
  ]);
  const id = existing ?? orm.create('stock.quant', rest);
  orm.write('stock.quant', [id], {
    inventory_quantity: counted,
    inventory_quantity_set: true,
    inventory_date: formatOdooDate(today),
  });
  return id;
}

/** `stock.quant.write` in inventory mode: only counting fields; a count marks the quant as set. */
export function writeCountedQuants(
  orm: OdooOrm,
  ids: readonly number[],
  vals: Record<string, unknown>,
): void {
  if (isCount(vals) && Object.keys(vals).some((field) => !WRITE_FIELDS.includes(field)))
    throw userError("Quant's editing is restricted, you can't do this operation.");
  orm.write('stock.quant', ids, isCount(vals) ? { inventory_quantity_set: true, ...vals } : vals);
}

/** `action_apply_inventory`: quants with a count take it as their quantity; others are untouched. */
export function applyInventory(orm: OdooOrm, quants: readonly StoredRecord[], today: number): void {
  for (const quant of quants) {
    if (quant.values['inventory_quantity_set'] !== true) continue;
    orm.write('stock.quant', [quant.id], {
      quantity: num(quant.values['inventory_quantity']),
      inventory_quantity: 0,
      inventory_quantity_set: false,
      inventory_date: formatOdooDate(today),
    });
  }
}
