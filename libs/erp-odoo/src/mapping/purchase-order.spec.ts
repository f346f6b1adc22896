import { deriveEventId, encodePurchaseOrderState } from '@ferry/contracts';
import { OdooMappingError } from './mapping-error';
import type { OdooPurchaseOrderRecord } from './odoo-records';
import { purchaseOrderLifecycle, toPurchaseOrderState } from './purchase-order';

const deskLine = {
  id: 101,
  sku: 'DESK-01',
  quantity: 3,
  unit: 'Units',
  priceUnit: 10.1,
  datePlanned: '2026-03-05 23:30:00',
};

const order: OdooPurchaseOrderRecord = {
  model: 'purchase.order',
  id: 42,
  name: 'P00042',
  writeDate: '2026-03-01 10:15:00',
  state: 'purchase',
  receiptStatus: 'pending',
  supplierId: 7,
  supplierName: 'Wood Corner',
  currency: { code: 'EUR', decimalPlaces: 2 },
  warehouse: 'WH',
  datePlanned: '2026-03-05 08:00:00',
  lines: [deskLine],
};

describe('toPurchaseOrderState', () => {
  it('maps an Odoo purchase order to a valid PurchaseOrderState', () => {
    const event = toPurchaseOrderState(order);
    const version = Date.parse('2026-03-01T10:15:00Z');
    expect(event).toEqual({
      eventId: deriveEventId('erp', '42', version),
      entityId: '42',
      sourceSystem: 'erp',
      sourceVersion: version,
      occurredAt: version,
      purchaseOrderId: '42',
      reference: 'P00042',
      supplierId: '7',
      supplierName: 'Wood Corner',
      state: 'CONFIRMED',
      currency: 'EUR',
      warehouse: 'WH',
      expectedDate: '2026-03-05',
      lines: [
        {
          lineId: '101',
          sku: 'DESK-01',
          quantity: 3,
          unit: 'Units',
          unitPrice: '10.1000',
          expectedDate: '2026-03-05',
        },
      ],
    });
    expect(() => encodePurchaseOrderState(event)).not.toThrow();
  });

  it('gives a later write a greater version and a new event id', () => {
    const later = toPurchaseOrderState({ ...order, writeDate: '2026-03-01 10:15:01' });
    const first = toPurchaseOrderState(order);
    expect(later.sourceVersion).toBeGreaterThan(first.sourceVersion);
    expect(later.eventId).not.toBe(first.eventId);
    expect(toPurchaseOrderState(order).eventId).toBe(first.eventId);
  });

  it('refuses fractional quantities and products without SKU, naming every line', () => {
    const bad = {
      ...order,
      lines: [
        { ...deskLine, id: 1, quantity: 2.5 },
        { ...deskLine, id: 2, sku: undefined },
      ],
    };
    expect(() => toPurchaseOrderState(bad)).toThrow(OdooMappingError);
    expect(() => toPurchaseOrderState(bad)).toThrow(/line 1: quantity 2.5.*line 2: the product/);
  });
});

describe('purchaseOrderLifecycle', () => {
  it.each([
    ['draft', undefined, 'DRAFT'],
    ['sent', undefined, 'DRAFT'],
    ['to approve', undefined, 'DRAFT'],
    ['purchase', 'pending', 'CONFIRMED'],
    ['purchase', undefined, 'CONFIRMED'],
    ['purchase', 'partial', 'PARTIALLY_RECEIVED'],
    ['purchase', 'full', 'RECEIVED'],
    ['done', 'full', 'RECEIVED'],
    ['done', 'partial', 'PARTIALLY_RECEIVED'],
    ['cancel', 'pending', 'CANCELLED'],
    ['something new', undefined, 'UNKNOWN'],
  ] as const)('maps %s with receipts %s to %s', (state, receipts, expected) => {
    expect(purchaseOrderLifecycle(state, receipts)).toBe(expected);
  });
});
