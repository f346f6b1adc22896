import type { GoodsReceiptRecorded, InventoryLevelSet, SalesOrderPlaced } from '@ferry/contracts';
import type { OdooCall } from '../client/odoo-client';
import { ScriptedOdooClient } from '../testing/scripted-client';
import { signedWebhookHeaders } from '../webhook/verify-signature';
import { OdooErpAdapter } from './odoo-erp-adapter';

const secret = 'webhook-secret-0123456789';
const purchaseOrderRow = {
  id: 42,
  name: 'P00042',
  state: 'purchase',
  receipt_status: 'partial',
  partner_id: [7, 'Wood Corner'],
  currency_id: [1, 'EUR'],
  picking_type_id: [3, 'WH: Receipts'],
  date_planned: '2026-03-05 08:00:00',
  order_line: [101, 102],
  write_date: '2026-03-01 10:15:00',
};

const purchaseReads = {
  'purchase.order.line.read': () => [
    {
      id: 101,
      order_id: [42, 'P00042'],
      product_id: [77, '[DESK-01] Desk'],
      product_qty: 3,
      price_unit: 10.1,
      date_planned: '2026-03-05 08:00:00',
      display_type: false,
      product_uom: [1, 'Units'],
    },
    {
      id: 102,
      order_id: [42, 'P00042'],
      product_id: false,
      product_qty: 0,
      price_unit: 0,
      date_planned: false,
      display_type: 'line_section',
      product_uom: false,
    },
  ],
  'product.product.read': () => [{ id: 77, default_code: 'DESK-01' }],
  'stock.picking.type.read': () => [{ id: 3, warehouse_id: [1, 'San Francisco'] }],
  'stock.warehouse.read': () => [{ id: 1, code: 'WH' }],
  'res.currency.read': () => [{ id: 1, name: 'EUR', decimal_places: 2 }],
};

const adapter = (client: ScriptedOdooClient) =>
  new OdooErpAdapter({ client, webhook: { secrets: [secret] }, settleMs: 60_000 });

describe('OdooErpAdapter inbound', () => {
  it('polls purchase orders and maps them to PurchaseOrderState events', async () => {
    const client = new ScriptedOdooClient({
      'purchase.order.search_read': () => [purchaseOrderRow],
      ...purchaseReads,
    });
    const page = await adapter(client).pollChanges(
      'purchaseOrder',
      undefined,
      50,
      Date.parse('2026-03-01T11:00:00Z'),
    );
    expect(page.next).toEqual({ writeDate: '2026-03-01 10:15:00', id: 42 });
    expect(page.hasMore).toBe(false);
    const mapped = page.records.map((record) => adapter(client).toEvents(record));
    expect(mapped).toEqual([
      {
        kind: 'event',
        event: {
          entity: 'purchaseOrder',
          value: expect.objectContaining({
            entityId: '42',
            state: 'PARTIALLY_RECEIVED',
            warehouse: 'WH',
            lines: [expect.objectContaining({ lineId: '101', sku: 'DESK-01', unit: 'Units' })],
          }) as unknown,
        },
      },
    ]);
    expect(client.calls[0]?.params?.['domain']).toEqual([
      ['write_date', '<', '2026-03-01 10:59:00'],
    ]);
  });

  it('reads a verified webhook, then fetches the record it names', async () => {
    const client = new ScriptedOdooClient({
      'account.move.search_read': () => [
        {
          id: 9,
          name: 'INV/2026/00001',
          move_type: 'out_invoice',
          state: 'posted',
          payment_state: 'not_paid',
          partner_id: [14, 'Ada'],
          ref: 'SHOP-1001',
          currency_id: [1, 'EUR'],
          amount_untaxed: 10,
          amount_tax: 2.1,
          amount_total: 12.1,
          amount_residual: 12.1,
          invoice_date: '2026-03-02',
          invoice_date_due: false,
          write_date: '2026-03-02 12:00:00',
        },
      ],
      'res.currency.read': purchaseReads['res.currency.read'],
    });
    const odoo = adapter(client);
    const body = Buffer.from(JSON.stringify({ _model: 'account.move', _id: 9 }));
    const now = Date.parse('2026-03-02T12:00:05Z');
    const headers = signedWebhookHeaders(secret, body, now);
    expect(odoo.verifyWebhook(body, headers, now).kind).toBe('ok');
    const reading = odoo.toChanges(body, headers);
    if (reading.kind !== 'accepted') throw new Error('expected accepted');
    const [record] = await odoo.fetchChanged(reading.notices);
    expect(client.calls[0]?.params?.['domain']).toEqual([['id', 'in', [9]]]);
    const mapped = record ? odoo.toEvents(record) : undefined;
    expect(mapped?.kind === 'event' && mapped.event.value).toMatchObject({
      entityId: '9',
      amountTotal: '12.1000',
      state: 'POSTED',
      dueDate: null,
    });
  });
});

const envelope = {
  eventId: '3f1c2d0e-8b5a-5c7e-9d3f-2a4b6c8d0e1f',
  sourceVersion: 1,
  occurredAt: 0,
};

describe('OdooErpAdapter.upsertSalesOrder', () => {
  const order: SalesOrderPlaced = {
    ...envelope,
    entityId: 'SHOP-1',
    sourceSystem: 'storefront',
    externalOrderId: 'SHOP-1',
    channel: 'web',
    customer: { customerId: 'C-1', email: 'a@example.com', name: 'Ada' },
    lines: [{ sku: 'DESK-01', quantity: 1, unitPrice: '5.0000', lineTotal: '5.0000' }],
    currency: 'EUR',
    totals: { subtotal: '5.0000', tax: '0.0000', shipping: '0.0000', total: '5.0000' },
    placedAt: 0,
  };

  it('creates and confirms an order that does not exist yet', async () => {
    const client = new ScriptedOdooClient({
      'sale.order.search_read': () => [],
      'res.partner.search_read': () => [{ id: 5 }],
      'product.product.search_read': () => [{ id: 77, default_code: 'DESK-01' }],
      'sale.order.create': () => [31],
      'sale.order.action_confirm': () => true,
    });
    await expect(adapter(client).upsertSalesOrder(order)).resolves.toEqual({
      kind: 'created',
      erpId: '31',
    });
    const create = client.calls.find((c) => c.method === 'create');
    expect(create?.params?.['vals_list']).toEqual([
      expect.objectContaining({ client_order_ref: 'SHOP-1', partner_id: 5 }),
    ]);
  });

  it('finds the order a retry already created and writes nothing', async () => {
    const client = new ScriptedOdooClient({
      'sale.order.search_read': () => [{ id: 31, state: 'sale' }],
    });
    await expect(adapter(client).upsertSalesOrder(order)).resolves.toEqual({
      kind: 'already-applied',
      erpId: '31',
    });
    expect(client.methods()).toEqual(['sale.order.search_read']);
  });

  it('confirms a draft left behind by a cut-off earlier attempt', async () => {
    const client = new ScriptedOdooClient({
      'sale.order.search_read': () => [{ id: 31, state: 'draft' }],
      'sale.order.action_confirm': () => true,
    });
    await expect(adapter(client).upsertSalesOrder(order)).resolves.toEqual({
      kind: 'updated',
      erpId: '31',
    });
  });
});

describe('OdooErpAdapter.setInventoryLevel', () => {
  const level = { sku: 'DESK-01', location: 'WH/Stock', onHand: 12 } as InventoryLevelSet;
  const lookups = {
    'product.product.search_read': () => [{ id: 77, default_code: 'DESK-01' }],
    'stock.location.search_read': () => [{ id: 8 }],
  };

  it('writes the counted quantity and applies it', async () => {
    const client = new ScriptedOdooClient({
      ...lookups,
      'stock.quant.search_read': () => [{ id: 300, quantity: 10 }],
      'stock.quant.write': () => true,
      'stock.quant.action_apply_inventory': () => false,
    });
    await expect(adapter(client).setInventoryLevel(level)).resolves.toEqual({
      kind: 'updated',
      erpId: '300',
    });
    const write = client.calls.find((c: OdooCall) => c.method === 'write');
    expect(write).toMatchObject({
      ids: [300],
      params: { vals: { inventory_quantity: 12 } },
      context: { inventory_mode: true },
    });
  });

  it('does nothing when Odoo already holds the level', async () => {
    const client = new ScriptedOdooClient({
      ...lookups,
      'stock.quant.search_read': () => [{ id: 300, quantity: 12 }],
    });
    await expect(adapter(client).setInventoryLevel(level)).resolves.toEqual({
      kind: 'already-applied',
      erpId: '300',
    });
  });

  it('fails retriably for a location Odoo does not know', async () => {
    const client = new ScriptedOdooClient({
      ...lookups,
      'stock.location.search_read': () => [],
    });
    await expect(adapter(client).setInventoryLevel(level)).rejects.toMatchObject({
      name: 'OdooReferenceError',
      retriable: true,
    });
  });
});

describe('OdooErpAdapter.recordGoodsReceipt', () => {
  const receipt: GoodsReceiptRecorded = {
    ...envelope,
    entityId: 'R-1',
    sourceSystem: 'wms',
    receiptId: 'R-1',
    purchaseOrderId: '42',
    warehouse: 'WH',
    lines: [
      { sku: 'DESK-01', quantity: 2, unit: 'unit', location: 'A-1', purchaseOrderLineId: '101' },
    ],
    receivedAt: 0,
  };

  it('fills the open receipt with quantities and marker in one write, then validates', async () => {
    let markerSearches = 0;
    const client = new ScriptedOdooClient({
      'stock.picking.search_read': () => {
        markerSearches += 1;
        return markerSearches === 1 ? [] : [{ id: 9 }];
      },
      'stock.move.search_read': () => [
        { id: 500, product_id: [77, 'Desk'], purchase_line_id: [101, 'P00042: Desk'] },
      ],
      'product.product.search_read': () => [{ id: 77, default_code: 'DESK-01' }],
      'stock.picking.write': () => true,
      'stock.picking.button_validate': () => true,
    });
    await expect(adapter(client).recordGoodsReceipt(receipt)).resolves.toEqual({
      kind: 'created',
      erpId: '9',
    });
    const write = client.calls.find((c) => c.method === 'write');
    expect(write?.params?.['vals']).toEqual({
      note: `ferry-receipt:${receipt.eventId}`,
      move_ids: [[1, 500, { quantity: 2 }]],
    });
  });

  it('only validates a picking a cut-off attempt already filled', async () => {
    const client = new ScriptedOdooClient({
      'stock.picking.search_read': () => [{ id: 9, state: 'assigned' }],
      'stock.picking.button_validate': () => true,
    });
    await expect(adapter(client).recordGoodsReceipt(receipt)).resolves.toEqual({
      kind: 'updated',
      erpId: '9',
    });
    expect(client.methods()).toEqual([
      'stock.picking.search_read',
      'stock.picking.button_validate',
    ]);
  });

  it('recognises a receipt already recorded', async () => {
    const client = new ScriptedOdooClient({
      'stock.picking.search_read': () => [{ id: 9, state: 'done' }],
    });
    await expect(adapter(client).recordGoodsReceipt(receipt)).resolves.toEqual({
      kind: 'already-applied',
      erpId: '9',
    });
  });
});
