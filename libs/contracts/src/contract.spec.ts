import { ContractViolation, defineContract } from './contract';
import type { EventEnvelope } from './envelope';
import { SalesOrderPlacedContract, type SalesOrderPlaced } from './generated';

const order: SalesOrderPlaced = {
  eventId: '6fa459ea-ee8a-3ca4-894e-db77e160355e',
  entityId: 'WEB-1',
  sourceSystem: 'storefront',
  sourceVersion: 1,
  occurredAt: 0,
  externalOrderId: 'WEB-1',
  channel: 'web',
  customer: { customerId: 'C-1', email: 'ada@example.com', name: 'Ada' },
  lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: '1.0000', lineTotal: '2.0000' }],
  currency: 'EUR',
  totals: { subtotal: '2.0000', tax: '0.0000', shipping: '0.0000', total: '2.0000' },
  placedAt: 0,
};

function problemsOf(validate: () => unknown): readonly string[] {
  try {
    validate();
  } catch (error: unknown) {
    if (error instanceof ContractViolation) return error.problems;
    throw error;
  }
  return [];
}

describe('a contract refuses text no event may carry', () => {
  it('names a string field holding U+0000', () => {
    const problems = problemsOf(() =>
      SalesOrderPlacedContract.validate({ ...order, channel: 'web\u0000' }),
    );
    expect(problems).toEqual(['channel: must not contain U+0000 (NUL)']);
  });

  it('names a nested string holding a lone surrogate, by its path', () => {
    const lines = [{ ...order.lines[0], sku: 'SKU-\ud800' }];
    expect(problemsOf(() => SalesOrderPlacedContract.validate({ ...order, lines }))).toEqual([
      'lines[0].sku: must be well-formed Unicode (holds a lone surrogate)',
    ]);
  });

  it('accepts a well-formed surrogate pair and any other text', () => {
    const customer = { ...order.customer, name: 'Ada 😀 Lovelace, Zürich' };
    expect(SalesOrderPlacedContract.validate({ ...order, customer })).toEqual({
      ...order,
      customer,
    });
  });

  it('checks the string branch of a union, map keys and values', () => {
    const contract = defineContract<EventEnvelope & { note: string | null; tags: object }>({
      type: 'record',
      name: 'Probe',
      fields: [
        { name: 'note', type: ['null', 'string'] },
        { name: 'tags', type: { type: 'map', values: 'string' } },
      ],
    });
    expect(problemsOf(() => contract.validate({ note: null, tags: {} }))).toEqual([]);
    expect(
      problemsOf(() =>
        contract.validate({ note: '\udc00', tags: { 'a\u0000': 'x', b: 'y\u0000' } }),
      ),
    ).toEqual([
      'note: must be well-formed Unicode (holds a lone surrogate)',
      'tags["a\\u0000"] (key): must not contain U+0000 (NUL)',
      'tags["b"]: must not contain U+0000 (NUL)',
    ]);
  });

  it('leaves alone a property the schema does not declare (Avro never writes it)', () => {
    expect(
      problemsOf(() => SalesOrderPlacedContract.validate({ ...order, extra: '\u0000' })),
    ).toEqual([]);
  });
});

describe('a contract names what a value is not', () => {
  it('refuses a 15th integer digit of a decimal(18,4) and takes 14', () => {
    const totals = (total: string) => ({ ...order.totals, total });
    expect(
      problemsOf(() =>
        SalesOrderPlacedContract.validate({ ...order, totals: totals('100000000000000.0000') }),
      ),
    ).toEqual(['totals.total: "100000000000000.0000" is not a decimal(18,4)']);
    expect(
      problemsOf(() =>
        SalesOrderPlacedContract.validate({ ...order, totals: totals('99999999999999.9999') }),
      ),
    ).toEqual([]);
  });

  it('refuses a long beyond what avsc writes exactly, and takes the largest it does', () => {
    expect(
      problemsOf(() =>
        SalesOrderPlacedContract.validate({ ...order, sourceVersion: Number.MAX_SAFE_INTEGER }),
      ),
    ).toEqual([
      'sourceVersion: 9007199254740991 is not a long (an integer within ±9007199254740990)',
    ]);
    expect(
      problemsOf(() =>
        SalesOrderPlacedContract.validate({ ...order, sourceVersion: Number.MAX_SAFE_INTEGER - 1 }),
      ),
    ).toEqual([]);
  });

  it('shows any value it refuses without failing itself', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(
      problemsOf(() =>
        SalesOrderPlacedContract.validate({ ...order, sourceVersion: 5n, channel: circular }),
      ),
    ).toEqual([
      'sourceVersion: 5n is not a long (an integer within ±9007199254740990)',
      'channel: object is not a string',
    ]);
  });

  it('says a missing field is required', () => {
    const { channel: _omitted, ...noChannel } = order;
    expect(problemsOf(() => SalesOrderPlacedContract.validate(noChannel))).toEqual([
      'channel: is required (a string)',
    ]);
  });
});
