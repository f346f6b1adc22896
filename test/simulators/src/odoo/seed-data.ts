import type { OdooOrm } from './orm';

// The records a fresh Odoo database with Inventory and Purchase installed starts with.

export interface SeededLocations {
  readonly stock: number;
  readonly vendors: number;
  readonly customers: number;
  readonly inventory: number;
}

export interface SeededWarehouse {
  readonly id: number;
  readonly code: string;
  /** Operation types: Receipts (incoming) and Delivery Orders (outgoing). */
  readonly receiptType: number;
  readonly deliveryType: number;
}

/** Currencies as Odoo's base data has them (EUR is id 1, USD id 2), the company and units. */
export function seedBaseData(orm: OdooOrm, companyCurrency: string): Record<string, number> {
  return orm.atomic(() => {
    const currencies: Record<string, number> = {
      EUR: orm.create('res.currency', {
        name: 'EUR',
        full_name: 'Euro',
        symbol: '€',
        rounding: 0.01,
        position: 'after',
      }),
      USD: orm.create('res.currency', {
        name: 'USD',
        full_name: 'United States dollar',
        symbol: '$',
        rounding: 0.01,
        position: 'before',
      }),
    };
    const currency =
      currencies[companyCurrency] ??
      orm.create('res.currency', { name: companyCurrency, symbol: companyCurrency });
    orm.create('res.company', { name: 'My Company', currency_id: currency });
    orm.create('uom.uom', { name: 'Units', rounding: 1 });
    orm.create('uom.uom', { name: 'Dozens', rounding: 1 });
    orm.create('uom.uom', { name: 'kg', rounding: 0.001 });
    return { ...currencies, [companyCurrency]: currency };
  });
}

/** The company's warehouse `WH`: its locations (WH/Stock, Vendors, …) and operation types. */
export function seedWarehouse(orm: OdooOrm): {
  locations: SeededLocations;
  warehouse: SeededWarehouse;
} {
  return orm.atomic(() => {
    const partners = orm.create('stock.location', { name: 'Partners', usage: 'view' });
    const virtual = orm.create('stock.location', { name: 'Virtual Locations', usage: 'view' });
    const view = orm.create('stock.location', { name: 'WH', usage: 'view' });
    const locations = {
      stock: orm.create('stock.location', {
        name: 'Stock',
        usage: 'internal',
        location_id: view,
        barcode: 'WHSTOCK',
      }),
      vendors: orm.create('stock.location', {
        name: 'Vendors',
        usage: 'supplier',
        location_id: partners,
      }),
      customers: orm.create('stock.location', {
        name: 'Customers',
        usage: 'customer',
        location_id: partners,
      }),
      inventory: orm.create('stock.location', {
        name: 'Inventory adjustment',
        usage: 'inventory',
        location_id: virtual,
      }),
    };
    const id = orm.create('stock.warehouse', {
      name: 'My Company',
      code: 'WH',
      view_location_id: view,
      lot_stock_id: locations.stock,
    });
    orm.write('stock.location', [view, locations.stock], { warehouse_id: id });
    const receiptType = orm.create('stock.picking.type', {
      name: 'Receipts',
      code: 'incoming',
      sequence: 1,
      sequence_code: 'IN',
      warehouse_id: id,
      default_location_src_id: locations.vendors,
      default_location_dest_id: locations.stock,
    });
    const deliveryType = orm.create('stock.picking.type', {
      name: 'Delivery Orders',
      code: 'outgoing',
      sequence: 5,
      sequence_code: 'OUT',
      warehouse_id: id,
      default_location_src_id: locations.stock,
      default_location_dest_id: locations.customers,
    });
    orm.write('stock.warehouse', [id], { in_type_id: receiptType, out_type_id: deliveryType });
    return { locations, warehouse: { id, code: 'WH', receiptType, deliveryType } };
  });
}
