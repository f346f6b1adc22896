import type { GoodsReceiptRecorded, InventoryLevelSet, SalesOrderPlaced } from '@ferry/contracts';
import { planGoodsReceipt, receiptMarker } from './goods-receipt-plan';
import { inventoryQuantVals } from './inventory-quant';
import { saleOrderVals } from './sales-order-vals';
import { OdooReferenceError } from './sink-errors';

const envelope = {
  eventId: '3f1c2d0e-8b5a-5c7e-9d3f-2a4b6c8d0e1f',
  sourceVersion: 1,
  occurredAt: 0,
};

const order: SalesOrderPlaced = {
  ...envelope,
  entityId: 'SHOP-1001',
  sourceSystem: 'storefront',
  externalOrderId: 'SHOP-1001',
  channel: 'web',
  customer: { customerId: 'C-1', email: 'a@example.com', name: 'Ada' },
  lines: [{ sku: 'DESK-01', quantity: 2, unitPrice: '19.9900', lineTotal: '39.9800' }],
  currency: 'EUR',
  totals: { subtotal: '39.9800', tax: '0.0000', shipping: '0.0000', total: '39.9800' },
  placedAt: Date.parse('2026-03-01T10:00:00Z'),
};

describe('saleOrderVals', () => {
  it('carries the external order id in client_order_ref', () => {
    expect(
      saleOrderVals(order, { partnerId: 5, productIdsBySku: new Map([['DESK-01', 77]]) }),
    ).toEqual({
      partner_id: 5,
      client_order_ref: 'SHOP-1001',
      origin: 'ferry:web',
      date_order: '2026-03-01 10:00:00',
      order_line: [[0, 0, { product_id: 77, product_uom_qty: 2, price_unit: 19.99 }]],
    });
  });

  it('waits (retriably) for products Odoo does not have yet', () => {
    const attempt = () => saleOrderVals(order, { partnerId: 5, productIdsBySku: new Map() });
    expect(attempt).toThrow(OdooReferenceError);
    expect(attempt).toThrow(/DESK-01/);
  });
});

const receipt: GoodsReceiptRecorded = {
  ...envelope,
  entityId: 'R-1',
  sourceSystem: 'wms',
  receiptId: 'R-1',
  purchaseOrderId: '42',
  warehouse: 'WH',
  lines: [
    { sku: 'DESK-01', quantity: 2, unit: 'unit', location: 'A-1', purchaseOrderLineId: '101' },
    { sku: 'DESK-01', quantity: 1, unit: 'unit', location: 'A-2', purchaseOrderLineId: '101' },
    { sku: 'LAMP-02', quantity: 4, unit: 'unit', location: 'B-1', purchaseOrderLineId: null },
  ],
  receivedAt: 0,
};

describe('planGoodsReceipt', () => {
  const moves = [
    { id: 500, productId: 77, purchaseLineId: 101 },
    { id: 501, productId: 88, purchaseLineId: 102 },
  ];
  const products = new Map([
    ['DESK-01', 77],
    ['LAMP-02', 88],
  ]);

  it('sums lines per move, matching by PO line, else by product, with the marker', () => {
    expect(planGoodsReceipt(receipt, 9, moves, products)).toEqual({
      pickingId: 9,
      pickingVals: {
        note: receiptMarker(receipt),
        move_ids: [
          [1, 500, { quantity: 3 }],
          [1, 501, { quantity: 4 }],
        ],
      },
    });
  });

  it('uses quantity_done on Odoo 16', () => {
    const plan = planGoodsReceipt(receipt, 9, moves, products, 'quantity_done');
    expect(plan.pickingVals['move_ids']).toContainEqual([1, 500, { quantity_done: 3 }]);
  });

  it('refuses lines no open move matches', () => {
    expect(() => planGoodsReceipt(receipt, 9, moves.slice(0, 1), products)).toThrow(
      /line 2 \(LAMP-02\)/,
    );
  });
});

describe('inventoryQuantVals', () => {
  it('sets the absolute counted quantity', () => {
    const level = { onHand: 42 } as InventoryLevelSet;
    expect(inventoryQuantVals(level, 77, 8)).toEqual({
      product_id: 77,
      location_id: 8,
      inventory_quantity: 42,
    });
  });
});
