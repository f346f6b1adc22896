import { SimClock } from '../clock';
import { startOdooSimulator, type OdooSimulator } from './odoo-simulator';

let odoo: OdooSimulator;

afterEach(async () => {
  await odoo.stop();
});

async function json2(model: string, method: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${odoo.url}/json/2/${model}/${method}`, {
    method: 'POST',
    headers: {
      authorization: `bearer ${odoo.credentials.apiKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (response.status !== 200) throw new Error(JSON.stringify(answer));
  return answer;
}

async function executeKw(
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<unknown> {
  const { database, uid, password } = odoo.credentials;
  const response = await fetch(`${odoo.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: {
        service: 'object',
        method: 'execute_kw',
        args: [database, uid, password, model, method, args, kwargs],
      },
    }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if ('error' in body) throw new Error(JSON.stringify(body['error']));
  return body['result'];
}

function confirmedOrder(quantity = 10): { order: number; product: number; picking: number } {
  const [vendor = 0] = odoo.seed('res.partner', { name: 'Azure Interior', is_company: true });
  const [product = 0] = odoo.seed('product.product', { name: 'Desk', default_code: 'DESK-1' });
  const [order = 0] = odoo.seed('purchase.order', {
    partner_id: vendor,
    order_line: [
      [0, 0, { display_type: 'line_section', name: 'Furniture' }],
      [0, 0, { product_id: product, name: 'Desk', product_qty: quantity, price_unit: 50 }],
    ],
  });
  odoo.call('purchase.order', 'button_confirm', [order]);
  const [picking = 0] = odoo
    .searchRead('stock.picking', [['purchase_id', '=', order]], ['id'])
    .map((row) => row['id'] as number);
  return { order, product, picking };
}

const lineQuantities = (order: number): unknown[] =>
  odoo
    .searchRead(
      'purchase.order.line',
      [
        ['order_id', '=', order],
        ['display_type', '=', false],
      ],
      ['qty_received'],
    )
    .map((row) => row['qty_received']);

describe('base data and purchase fields (Odoo 19, JSON-2)', () => {
  beforeEach(async () => {
    const clock = new SimClock();
    clock.freeze(new Date('2025-03-01T08:00:00.000Z'));
    odoo = await startOdooSimulator({ clock });
  });

  it('has EUR and USD with 2 decimal places and the company currency on new orders', async () => {
    const currencies = (await json2('res.currency', 'search_read', {
      domain: [],
      fields: ['name', 'decimal_places'],
      order: 'id',
    })) as unknown[];
    expect(currencies).toEqual([
      { id: odoo.currencies['EUR'], name: 'EUR', decimal_places: 2 },
      { id: odoo.currencies['USD'], name: 'USD', decimal_places: 2 },
    ]);
    const { order } = confirmedOrder();
    expect(odoo.read('purchase.order', [order], ['currency_id', 'amount_tax'])[0]).toMatchObject({
      currency_id: [odoo.currencies['EUR'], 'EUR'],
      amount_tax: 0,
    });
  });

  it('reads the receipt operation type, its warehouse and the line units as the ERP adapter does', async () => {
    const { order } = confirmedOrder();
    const [po] = (await json2('purchase.order', 'read', {
      ids: [order],
      fields: ['picking_type_id', 'receipt_status', 'order_line'],
    })) as { picking_type_id: [number, string]; receipt_status: string; order_line: number[] }[];
    expect(po?.picking_type_id).toEqual([odoo.warehouse.receiptType, 'My Company: Receipts']);
    expect(po?.receipt_status).toBe('pending');
    const [type] = (await json2('stock.picking.type', 'read', {
      ids: [odoo.warehouse.receiptType],
      fields: ['warehouse_id', 'code'],
    })) as { warehouse_id: [number, string] }[];
    expect(type).toMatchObject({
      code: 'incoming',
      warehouse_id: [odoo.warehouse.id, 'My Company'],
    });
    expect(
      await json2('stock.warehouse', 'read', { ids: [odoo.warehouse.id], fields: ['code'] }),
    ).toEqual([{ id: odoo.warehouse.id, code: 'WH' }]);
    const lines = (await json2('purchase.order.line', 'read', {
      ids: po?.order_line,
      fields: ['display_type', 'product_id', 'product_uom_id'],
    })) as Record<string, unknown>[];
    expect(lines.map((line) => [line['display_type'], line['product_uom_id']])).toEqual([
      ['line_section', false],
      [false, [expect.any(Number), 'Units']],
    ]);
  });

  it('refuses the Odoo 18 unit field name on Odoo 19', async () => {
    await expect(
      json2('purchase.order.line', 'search_read', { domain: [], fields: ['product_uom'] }),
    ).rejects.toThrow(/Invalid field 'product_uom'/);
  });
});

describe('receipts and inventory (Odoo 17, JSON-RPC)', () => {
  beforeEach(async () => {
    odoo = await startOdooSimulator({ serverVersion: '17.0' });
  });

  it('names the line unit product_uom before Odoo 19', async () => {
    const { order } = confirmedOrder();
    const lines = (await executeKw(
      'purchase.order.line',
      'search_read',
      [[['order_id', '=', order]]],
      { fields: ['product_uom'] },
    )) as { product_uom: unknown }[];
    expect(lines.map((line) => line.product_uom)).toContainEqual([expect.any(Number), 'Units']);
  });

  it('asks for the backorder wizard on a partial receipt unless skip_backorder is set', async () => {
    const { order, picking } = confirmedOrder(10);
    const [move] = odoo.searchRead('stock.move', [['picking_id', '=', picking]], ['id']);
    await executeKw('stock.picking', 'write', [
      [picking],
      { note: 'ferry-receipt:1', move_ids: [[1, move?.['id'], { quantity: 4 }]] },
    ]);
    expect(await executeKw('stock.picking', 'button_validate', [[picking]])).toMatchObject({
      res_model: 'stock.backorder.confirmation',
    });
    expect(odoo.read('stock.picking', [picking], ['state'])[0]?.['state']).toBe('assigned');

    const answer = await executeKw('stock.picking', 'button_validate', [[picking]], {
      context: { skip_backorder: true },
    });
    expect(answer).toBe(true);
    expect(lineQuantities(order)).toEqual([4]);
    expect(odoo.read('purchase.order', [order], ['receipt_status'])[0]?.['receipt_status']).toBe(
      'partial',
    );
    const [done] = odoo.searchRead(
      'stock.picking',
      [['note', 'ilike', 'ferry-receipt:1']],
      ['state', 'picking_type_code'],
    );
    expect(done).toMatchObject({ state: 'done', picking_type_code: 'incoming' });
    const backorders = odoo.searchRead(
      'stock.picking',
      [['backorder_id', '=', picking]],
      ['state', 'name', 'move_ids'],
    );
    expect(backorders).toEqual([
      expect.objectContaining({ state: 'assigned', name: 'WH/IN/00002' }),
    ]);
    await executeKw('stock.picking', 'button_validate', [[backorders[0]?.['id']]]);
    expect(lineQuantities(order)).toEqual([10]);
    expect(odoo.read('purchase.order', [order], ['receipt_status'])[0]?.['receipt_status']).toBe(
      'full',
    );
  });

  it('drops the shortfall of pickings not to backorder', () => {
    const { order, picking } = confirmedOrder(10);
    const [move] = odoo.searchRead('stock.move', [['picking_id', '=', picking]], ['id']);
    odoo.write('stock.move', [move?.['id'] as number], { quantity: 6 });
    odoo.call('stock.picking', 'button_validate', [picking], {
      skip_backorder: true,
      picking_ids_not_to_backorder: [picking],
    });
    expect(odoo.searchRead('stock.picking', [['backorder_id', '=', picking]])).toEqual([]);
    expect(lineQuantities(order)).toEqual([6]);
    expect(odoo.read('purchase.order', [order], ['receipt_status'])[0]?.['receipt_status']).toBe(
      'full',
    );
  });

  it('sets a counted quantity in inventory mode on the existing quant, then applies it', async () => {
    const [product = 0] = odoo.seed('product.product', { name: 'Chair', default_code: 'CH-1' });
    const [quant = 0] = odoo.seed('stock.quant', {
      product_id: product,
      location_id: odoo.locations.stock,
      quantity: 3,
    });
    const [location] = (await executeKw('stock.location', 'search_read', [
      ['|', ['barcode', '=', 'WHSTOCK'], ['complete_name', '=', 'WHSTOCK']],
      ['id'],
    ])) as { id: number }[];
    expect(location?.id).toBe(odoo.locations.stock);
    const created = await executeKw(
      'stock.quant',
      'create',
      [[{ product_id: product, location_id: odoo.locations.stock, inventory_quantity: 11 }]],
      { context: { inventory_mode: true } },
    );
    expect(created).toEqual([quant]);
    await executeKw('stock.quant', 'action_apply_inventory', [[quant]], {
      context: { inventory_mode: true },
    });
    expect(odoo.read('stock.quant', [quant], ['quantity', 'inventory_quantity_set'])[0]).toEqual({
      id: quant,
      quantity: 11,
      inventory_quantity_set: false,
    });
    await expect(
      executeKw('stock.quant', 'write', [[quant], { inventory_quantity: 2, quantity: 2 }], {
        context: { inventory_mode: true },
      }),
    ).rejects.toThrow(/editing is restricted/);
  });

  it('leaves a quant without a count untouched when applying inventory', () => {
    const [product = 0] = odoo.seed('product.product', { name: 'Lamp' });
    const [quant = 0] = odoo.seed('stock.quant', {
      product_id: product,
      location_id: odoo.locations.stock,
      quantity: 5,
    });
    odoo.call('stock.quant', 'action_apply_inventory', [quant], { inventory_mode: true });
    expect(odoo.read('stock.quant', [quant], ['quantity'])[0]?.['quantity']).toBe(5);
  });
});
