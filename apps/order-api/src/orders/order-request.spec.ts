import { SalesOrderPlacedContract } from '@ferry/contracts';
import { validationProblems } from '@ferry/service-host';
import { OrderRequestSchema, toSalesOrderPlaced } from './order-request';

const order = {
  externalOrderId: 'SO-1',
  channel: 'web',
  customer: { customerId: 'C-1', email: 'ada@example.com', name: 'Ada' },
  currency: 'EUR',
  lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: '19.99' }],
};

function problemsOf(body: unknown): string[] {
  const result = OrderRequestSchema.safeParse(body);
  return result.success ? [] : validationProblems(result.error.issues);
}

const LARGEST = '99999999999999.99';

describe('order requests', () => {
  it('become an event the contract takes, with totals in exact decimals', () => {
    const event = toSalesOrderPlaced(OrderRequestSchema.parse(order), new Date(0));
    expect(SalesOrderPlacedContract.validate(event).totals.total).toBe('39.98');
  });

  it('take the largest amount the contract decimal(18,4) holds, computed totals included', () => {
    const largest = {
      ...order,
      lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: LARGEST }],
    };
    const event = toSalesOrderPlaced(OrderRequestSchema.parse(largest), new Date(0));
    expect(SalesOrderPlacedContract.validate(event).totals.total).toBe(LARGEST);
  });

  it('refuse a price of 15 integer digits, which decimal(18,4) does not hold', () => {
    for (const field of ['tax', 'shipping'])
      expect(problemsOf({ ...order, [field]: '100000000000000.00' })).toEqual([
        `${field}: must be a non-negative decimal with at most 14 digits before the point and 2 after, such as "12.50"`,
      ]);
    const lines = [{ sku: 'SKU-1', quantity: 1, unitPrice: '100000000000000' }];
    expect(problemsOf({ ...order, lines })).toHaveLength(1);
  });

  it('refuse a price that is not a decimal without computing totals from it', () => {
    const lines = [{ sku: 'SKU-1', quantity: 1, unitPrice: 'abc' }];
    expect(problemsOf({ ...order, lines, tax: '1e3' })).toHaveLength(2);
  });

  it('refuse a line whose total does not fit, naming the line', () => {
    const lines = [
      { sku: 'SKU-1', quantity: 1, unitPrice: '1.00' },
      { sku: 'SKU-2', quantity: 2, unitPrice: '50000000000000.00' },
    ];
    expect(problemsOf({ ...order, lines })).toEqual([
      `lines[1]: unitPrice × quantity must be at most ${LARGEST}`,
      `(body): the order's total (lines, tax and shipping) must be at most ${LARGEST}`,
    ]);
  });

  it('refuse an order whose total does not fit although each amount does', () => {
    const lines = [{ sku: 'SKU-1', quantity: 1, unitPrice: LARGEST }];
    expect(problemsOf({ ...order, lines, shipping: '0.01' })).toEqual([
      `(body): the order's total (lines, tax and shipping) must be at most ${LARGEST}`,
    ]);
  });

  it('refuse text Postgres or UTF-8 cannot hold, by field', () => {
    expect(problemsOf({ ...order, externalOrderId: 'SO-\ud800' })).toEqual([
      'externalOrderId: must be well-formed Unicode (holds a lone surrogate)',
    ]);
    expect(problemsOf({ ...order, customer: { ...order.customer, name: 'A\u0000da' } })).toEqual([
      'customer.name: must not contain U+0000 (NUL)',
    ]);
    expect(problemsOf({ ...order, externalOrderId: 'SO-\u0000' })).toEqual([
      'externalOrderId: must not contain U+0000 (NUL)',
    ]);
  });
});
