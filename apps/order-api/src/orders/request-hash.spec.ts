import { OrderRequestSchema, requestHash, type OrderRequest } from './order-request';

const order = (changes: Record<string, unknown> = {}): OrderRequest =>
  OrderRequestSchema.parse({
    externalOrderId: 'WEB-1001',
    channel: 'webshop',
    customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
    currency: 'EUR',
    lines: [
      { sku: 'DESK-1', quantity: 2, unitPrice: '149.90' },
      { sku: 'LAMP-1', quantity: 1, unitPrice: '35.00' },
    ],
    shipping: '4.90',
    ...changes,
  });

describe('requestHash', () => {
  it('is the same for the same order, whatever the order of its keys', () => {
    const reordered = OrderRequestSchema.parse(
      Object.fromEntries(Object.entries(order()).reverse()),
    );
    expect(requestHash(reordered)).toBe(requestHash(order()));
  });

  it.each([
    ['shipping', { shipping: '5.90' }],
    ['tax', { tax: '1.00' }],
    [
      "a line's unit price",
      {
        lines: [
          { sku: 'DESK-1', quantity: 2, unitPrice: '139.90' },
          { sku: 'LAMP-1', quantity: 1, unitPrice: '35.00' },
        ],
      },
    ],
    [
      "a line's quantity",
      {
        lines: [
          { sku: 'DESK-1', quantity: 3, unitPrice: '149.90' },
          { sku: 'LAMP-1', quantity: 1, unitPrice: '35.00' },
        ],
      },
    ],
    [
      'the order of the lines',
      {
        lines: [
          { sku: 'LAMP-1', quantity: 1, unitPrice: '35.00' },
          { sku: 'DESK-1', quantity: 2, unitPrice: '149.90' },
        ],
      },
    ],
    ['the currency', { currency: 'USD' }],
    ['the customer', { customer: { customerId: 'C-8', email: 'ana@example.com', name: 'Ana' } }],
  ])('changes with %s: a key reused for it is refused', (_what, changes) => {
    expect(requestHash(order(changes))).not.toBe(requestHash(order()));
  });
});
