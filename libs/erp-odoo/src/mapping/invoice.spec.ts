import { encodeInvoicePosted } from '@ferry/contracts';
import { invoiceIgnoredReason, invoiceState, toInvoicePosted } from './invoice';
import { OdooMappingError } from './mapping-error';
import type { OdooInvoiceRecord } from './odoo-records';
import { mapOdooRecord } from './record-events';

const invoice: OdooInvoiceRecord = {
  model: 'account.move',
  id: 9,
  name: 'INV/2026/00042',
  writeDate: '2026-03-02 12:00:00',
  moveType: 'out_invoice',
  state: 'posted',
  paymentState: 'partial',
  customerId: 14,
  ref: 'SHOP-1001',
  currency: { code: 'EUR', decimalPlaces: 2 },
  amountUntaxed: 100.1,
  amountTax: 21.02,
  amountTotal: 121.12,
  amountResidual: 21.12,
  invoiceDate: '2026-03-02',
  invoiceDateDue: undefined,
};

describe('toInvoicePosted', () => {
  it('maps a posted customer invoice with exact amounts', () => {
    const event = toInvoicePosted({ ...invoice, invoiceDateDue: '2026-04-01' });
    expect(event).toMatchObject({
      entityId: '9',
      sourceSystem: 'erp',
      number: 'INV/2026/00042',
      orderId: 'SHOP-1001',
      customerId: '14',
      currency: 'EUR',
      amountUntaxed: '100.1000',
      amountTax: '21.0200',
      amountTotal: '121.1200',
      amountResidual: '21.1200',
      state: 'PARTIALLY_PAID',
      invoiceDate: '2026-03-02',
      dueDate: '2026-04-01',
    });
    expect(() => encodeInvoicePosted(event)).not.toThrow();
  });

  it('rounds to the currency, not to cents, and never drifts', () => {
    const yen = toInvoicePosted({
      ...invoice,
      currency: { code: 'JPY', decimalPlaces: 0 },
      amountTotal: 1500,
      amountTax: 0.1 + 0.2,
    });
    expect([yen.amountTotal, yen.amountTax]).toEqual(['1500.0000', '0.0000']);
    const dinar = toInvoicePosted({
      ...invoice,
      currency: { code: 'KWD', decimalPlaces: 3 },
      amountTotal: 12.345,
    });
    expect(dinar.amountTotal).toBe('12.3450');
  });

  it('gives credit notes negative amounts', () => {
    const refund = toInvoicePosted({ ...invoice, moveType: 'out_refund', paymentState: 'paid' });
    expect([refund.amountTotal, refund.amountResidual, refund.state]).toEqual([
      '-121.1200',
      '-21.1200',
      'PAID',
    ]);
  });

  it('refuses a posted invoice without a date or customer', () => {
    expect(() =>
      toInvoicePosted({ ...invoice, invoiceDate: undefined, customerId: undefined }),
    ).toThrow(OdooMappingError);
  });
});

describe('mapOdooRecord for invoices', () => {
  it.each([
    ['in_invoice', 'posted'],
    ['entry', 'posted'],
    ['out_invoice', 'draft'],
  ])('ignores a %s in state %s', (moveType, state) => {
    const record = { ...invoice, moveType, state };
    expect(invoiceIgnoredReason(record)).toBeDefined();
    expect(mapOdooRecord(record)).toMatchObject({ kind: 'ignored', recordId: '9' });
  });

  it('publishes a cancelled invoice as CANCELLED', () => {
    const mapped = mapOdooRecord({ ...invoice, state: 'cancel' });
    expect(mapped.kind === 'event' && mapped.event.value.state).toBe('CANCELLED');
  });
});

describe('invoiceState', () => {
  it.each([
    ['posted', 'not_paid', 'POSTED'],
    ['posted', undefined, 'POSTED'],
    ['posted', 'partial', 'PARTIALLY_PAID'],
    ['posted', 'in_payment', 'PAID'],
    ['posted', 'paid', 'PAID'],
    ['posted', 'reversed', 'CANCELLED'],
    ['cancel', 'not_paid', 'CANCELLED'],
    ['posted', 'brand_new_state', 'UNKNOWN'],
  ] as const)('maps %s/%s to %s', (state, payment, expected) => {
    expect(invoiceState(state, payment)).toBe(expected);
  });
});
