import { deriveEventId, type PurchaseOrderState } from '@ferry/contracts';
import { toExpectedReceipt } from './expected-receipt';

const order = (state: PurchaseOrderState['state']): PurchaseOrderState => ({
  eventId: deriveEventId('erp', 'P00042', 7),
  entityId: 'P00042',
  sourceSystem: 'erp',
  sourceVersion: 7,
  occurredAt: 0,
  purchaseOrderId: 'P00042',
  reference: 'PO/2026/0042',
  supplierId: 'S-9',
  supplierName: 'Acme Supplies',
  state,
  currency: 'EUR',
  warehouse: 'WH1',
  expectedDate: '2026-12-01',
  lines: [
    {
      lineId: '101',
      sku: 'SKU-1',
      quantity: 40,
      unit: 'unit',
      unitPrice: '2.5000',
      expectedDate: null,
    },
  ],
});

describe('toExpectedReceipt', () => {
  it('tells the WMS to expect a confirmed order, versioned by the ERP', () => {
    expect(toExpectedReceipt(order('CONFIRMED'))).toEqual({
      version: 7,
      purchaseOrderRef: 'PO/2026/0042',
      supplier: 'Acme Supplies',
      expectedAt: '2026-12-01T00:00:00Z',
      destination: 'WH1',
      status: 'open',
      lines: [{ lineId: '101', sku: 'SKU-1', quantity: 40, unit: 'unit' }],
    });
  });

  it('cancels the expectation of a cancelled order', () => {
    expect(toExpectedReceipt(order('CANCELLED'))?.status).toBe('cancelled');
  });

  it('sends nothing for a draft or an unknown state', () => {
    expect(toExpectedReceipt(order('DRAFT'))).toBeUndefined();
    expect(toExpectedReceipt(order('UNKNOWN'))).toBeUndefined();
  });
});
