import { SimClock } from '../clock';
import { startOdooSimulator, type OdooSimulator } from './odoo-simulator';

let odoo: OdooSimulator;
let clock: SimClock;

beforeEach(async () => {
  clock = new SimClock();
  clock.freeze(new Date('2025-03-01T08:00:00.000Z'));
  odoo = await startOdooSimulator({ clock });
});

afterEach(async () => {
  await odoo.stop();
});

async function jsonRpc(
  service: string,
  method: string,
  args: unknown[],
): Promise<Record<string, unknown>> {
  const response = await fetch(`${odoo.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: { service, method, args },
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function executeKw(
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<unknown> {
  const { database, uid, password } = odoo.credentials;
  const body = await jsonRpc('object', 'execute_kw', [
    database,
    uid,
    password,
    model,
    method,
    args,
    kwargs,
  ]);
  if ('error' in body) throw new Error(JSON.stringify(body['error']));
  return body['result'];
}

async function json2(
  model: string,
  method: string,
  body: unknown,
  apiKey = odoo.credentials.apiKey,
) {
  const response = await fetch(`${odoo.url}/json/2/${model}/${method}`, {
    method: 'POST',
    headers: {
      authorization: `bearer ${apiKey}`,
      'x-odoo-database': odoo.credentials.database,
      'content-type': 'application/json; charset=utf-8',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function seedPurchaseOrder(): { order: number; product: number; vendor: number } {
  const [vendor = 0] = odoo.seed('res.partner', { name: 'Azure Interior', is_company: true });
  const [product = 0] = odoo.seed('product.product', { name: 'Desk', default_code: 'DESK-1' });
  const [order = 0] = odoo.seed('purchase.order', {
    partner_id: vendor,
    order_line: [[0, 0, { product_id: product, name: 'Desk', product_qty: 10, price_unit: 50 }]],
  });
  return { order, product, vendor };
}

describe('JSON-RPC', () => {
  it('logs in with login/password and refuses a wrong password', async () => {
    const { database, login, password, uid } = odoo.credentials;
    expect((await jsonRpc('common', 'login', [database, login, password]))['result']).toBe(uid);
    expect(
      (await jsonRpc('common', 'authenticate', [database, login, 'wrong', {}]))['result'],
    ).toBe(false);
  });

  it('answers a call with wrong credentials with Odoo’s AccessDenied error shape', async () => {
    const body = await jsonRpc('object', 'execute_kw', [
      odoo.credentials.database,
      2,
      'nope',
      'res.partner',
      'search',
      [[]],
    ]);
    expect(body['error']).toMatchObject({
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: 'odoo.exceptions.AccessDenied',
        message: 'Access Denied',
        arguments: ['Access Denied'],
      },
    });
  });

  it('creates, reads, searches, writes and unlinks records', async () => {
    const id = (await executeKw('res.partner', 'create', [
      { name: 'Deco Addict', is_company: true },
    ])) as number;
    expect(await executeKw('res.partner', 'search', [[['name', 'ilike', 'deco']]])).toEqual([id]);
    await executeKw('res.partner', 'write', [[id], { email: 'deco@example.com' }]);
    const [partner] = (await executeKw('res.partner', 'read', [[id]], {
      fields: ['name', 'email', 'write_date'],
    })) as Record<string, unknown>[];
    expect(partner).toEqual({
      id,
      name: 'Deco Addict',
      email: 'deco@example.com',
      write_date: '2025-03-01 08:00:00',
    });
    expect(await executeKw('res.partner', 'search_count', [[['is_company', '=', true]]])).toBe(1);
    expect(await executeKw('res.partner', 'unlink', [[id]])).toBe(true);
    expect(await executeKw('res.partner', 'search', [[['id', '=', id]]])).toEqual([]);
  });

  it('reads many2one fields as [id, display_name] and one2many fields as ids', async () => {
    const { order, vendor } = seedPurchaseOrder();
    const [row] = (await executeKw('purchase.order', 'search_read', [[['id', '=', order]]], {
      fields: ['name', 'partner_id', 'order_line', 'amount_total', 'state'],
    })) as Record<string, unknown>[];
    expect(row).toMatchObject({
      name: 'P00001',
      partner_id: [vendor, 'Azure Interior'],
      amount_total: 500,
      state: 'draft',
    });
    expect(row?.['order_line']).toHaveLength(1);
  });

  it('pages search_read by (write_date, id) when many changes share one second', async () => {
    const ids = odoo.seed(
      'res.partner',
      Array.from({ length: 5 }, (_, i) => ({ name: `P${i}` })),
    );
    clock.advance(1000);
    odoo.write('res.partner', [ids[1] ?? 0], { phone: '1' });
    const page = async (after: [string, number]) =>
      (await executeKw(
        'res.partner',
        'search_read',
        [
          [
            '|',
            ['write_date', '>', after[0]],
            '&',
            ['write_date', '=', after[0]],
            ['id', '>', after[1]],
          ],
        ],
        { fields: ['write_date'], order: 'write_date asc, id asc', limit: 2 },
      )) as { id: number; write_date: string }[];
    const seen: number[] = [];
    let cursor: [string, number] = ['1970-01-01 00:00:00', 0];
    for (let rows = await page(cursor); rows.length > 0; rows = await page(cursor)) {
      seen.push(...rows.map((r) => r.id));
      const last = rows[rows.length - 1] as { id: number; write_date: string };
      cursor = [last.write_date, last.id];
    }
    expect(seen).toEqual([ids[0], ids[2], ids[3], ids[4], ids[1]]);
  });

  it('reports unknown fields and methods as Odoo errors', async () => {
    await expect(executeKw('res.partner', 'search_read', [[['nope', '=', 1]]])).rejects.toThrow(
      /Invalid field/,
    );
    await expect(executeKw('res.partner', 'do_magic', [[1]])).rejects.toThrow(/AttributeError/);
    await expect(executeKw('res.partner', '_private', [[1]])).rejects.toThrow(
      /cannot be called remotely/,
    );
  });

  it('confirms a purchase order, creates its receipt, and validating it fills qty_received and stock', async () => {
    const { order, product } = seedPurchaseOrder();
    await executeKw('purchase.order', 'button_confirm', [[order]]);
    const [po] = (await executeKw('purchase.order', 'read', [
      [order],
      ['state', 'picking_ids'],
    ])) as { state: string; picking_ids: number[] }[];
    expect(po?.state).toBe('purchase');
    expect(po?.picking_ids).toHaveLength(1);
    await executeKw('stock.picking', 'button_validate', [po?.picking_ids]);
    const lines = (await executeKw(
      'purchase.order.line',
      'search_read',
      [[['order_id', '=', order]]],
      { fields: ['qty_received'] },
    )) as { qty_received: number }[];
    expect(lines.map((l) => l.qty_received)).toEqual([10]);
    const quants = (await executeKw(
      'stock.quant',
      'search_read',
      [[['product_id', '=', product]]],
      { fields: ['quantity', 'location_id'] },
    )) as { quantity: number; location_id: [number, string] }[];
    expect(quants).toEqual([
      expect.objectContaining({ quantity: 10, location_id: [odoo.locations.stock, 'WH/Stock'] }),
    ]);
  });

  it('cancels a purchase order and refuses to delete a confirmed one', async () => {
    const { order } = seedPurchaseOrder();
    await executeKw('purchase.order', 'button_confirm', [[order]]);
    await expect(executeKw('purchase.order', 'unlink', [[order]])).rejects.toThrow(
      /cancel it first/,
    );
    await executeKw('purchase.order', 'button_cancel', [[order]]);
    expect(odoo.read('purchase.order', [order], ['state'])[0]?.['state']).toBe('cancel');
  });

  it('applies a counted inventory quantity', async () => {
    const [product = 0] = odoo.seed('product.product', { name: 'Chair' });
    const [quant = 0] = odoo.seed('stock.quant', {
      product_id: product,
      location_id: odoo.locations.stock,
      quantity: 3,
    });
    await executeKw('stock.quant', 'write', [
      [quant],
      { inventory_quantity: 42, inventory_quantity_set: true },
    ]);
    expect(await executeKw('stock.quant', 'action_apply_inventory', [[quant]])).toBeNull();
    expect(
      odoo.read('stock.quant', [quant], ['quantity', 'inventory_quantity_set'])[0],
    ).toMatchObject({ quantity: 42, inventory_quantity_set: false });
  });

  it('rolls back a failed call entirely', async () => {
    const [vendor = 0] = odoo.seed('res.partner', { name: 'V' });
    await expect(
      executeKw('purchase.order', 'create', [
        { partner_id: vendor, order_line: [[0, 0, { product_id: 999 }]] },
      ]),
    ).rejects.toThrow(/MissingError/);
    expect(odoo.searchRead('purchase.order')).toEqual([]);
  });
});

describe('write_date', () => {
  it('keeps Odoo’s one-second format, moves on every write, and never goes back', () => {
    const [id = 0] = odoo.seed('res.partner', { name: 'A' });
    const first = odoo.revisionOf('res.partner', id) ?? 0;
    odoo.write('res.partner', [id], { name: 'B' });
    expect(odoo.read('res.partner', [id], ['write_date'])[0]?.['write_date']).toBe(
      '2025-03-01 08:00:00',
    );
    expect(odoo.revisionOf('res.partner', id)).toBeGreaterThan(first);
    clock.advance(1500);
    odoo.write('res.partner', [id], { name: 'C' });
    expect(odoo.read('res.partner', [id], ['write_date'])[0]?.['write_date']).toBe(
      '2025-03-01 08:00:01',
    );
  });

  it('moves the order’s write_date when one of its lines changes', () => {
    const { order } = seedPurchaseOrder();
    clock.advance(5000);
    const [line = 0] = odoo
      .searchRead('purchase.order.line', [['order_id', '=', order]], ['id'])
      .map((r) => r['id'] as number);
    odoo.write('purchase.order.line', [line], { product_qty: 12 });
    expect(odoo.read('purchase.order', [order], ['write_date', 'amount_total'])[0]).toMatchObject({
      write_date: '2025-03-01 08:00:05',
      amount_total: 600,
    });
  });
});

describe('JSON-2 API', () => {
  it('runs search_read with named arguments', async () => {
    odoo.seed('res.partner', [
      { name: 'Deco Addict', is_company: true },
      { name: 'Joel', is_company: false },
    ]);
    const { status, body } = await json2('res.partner', 'search_read', {
      domain: [
        ['name', 'ilike', '%deco%'],
        ['is_company', '=', true],
      ],
      fields: ['name'],
      context: { lang: 'en_US' },
    });
    expect(status).toBe(200);
    expect(body).toEqual([{ id: 1, name: 'Deco Addict' }]);
  });

  it('creates with vals_list, writes with ids and vals, reads with ids', async () => {
    const created = await json2('res.partner', 'create', {
      vals_list: [{ name: 'A' }, { name: 'B' }],
    });
    expect(created).toEqual({ status: 200, body: [1, 2] });
    expect(await json2('res.partner', 'write', { ids: [2], vals: { ref: 'X' } })).toEqual({
      status: 200,
      body: true,
    });
    expect((await json2('res.partner', 'read', { ids: [2], fields: ['ref'] })).body).toEqual([
      { id: 2, ref: 'X' },
    ]);
  });

  it('answers 401 for a wrong api key, 404 for unknown models, 422 for bad arguments', async () => {
    const unauthorized = await json2('res.partner', 'search', { domain: [] }, 'wrong');
    expect(unauthorized).toMatchObject({
      status: 401,
      body: { name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' },
    });
    expect((await json2('no.model', 'search', { domain: [] })).status).toBe(404);
    const unexpected = await json2('res.partner', 'search', { domain: [], badparameter: 1 });
    expect(unexpected).toMatchObject({
      status: 422,
      body: { message: "search() got an unexpected keyword argument 'badparameter'" },
    });
    expect((await json2('res.partner', 'search_read', { ids: [1] })).status).toBe(422);
  });

  it('is not served by Odoo versions before 19', async () => {
    await odoo.stop();
    odoo = await startOdooSimulator({ serverVersion: '17.0' });
    expect((await json2('res.partner', 'search', { domain: [] })).status).toBe(404);
    const version = (await (await fetch(`${odoo.url}/web/version`)).json()) as Record<
      string,
      unknown
    >;
    expect(version['version']).toBe('17.0');
  });
});

describe('request log', () => {
  it('counts writes per model and the busiest second', async () => {
    await executeKw('res.partner', 'create', [{ name: 'A' }]);
    await executeKw('res.partner', 'search', [[]]);
    await json2('res.partner', 'write', { ids: [1], vals: { name: 'B' } });
    expect(odoo.writeRequests('res.partner').map((r) => [r.api, r.method])).toEqual([
      ['jsonrpc', 'create'],
      ['json2', 'write'],
    ]);
    expect(odoo.requests({ model: 'res.partner' })).toHaveLength(3);
    expect(odoo.maxRequestsPerSecond()).toBe(3);
  });
});
