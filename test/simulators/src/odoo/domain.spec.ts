import { evaluateDomain, parseDomain, type FieldReading } from './domain';
import type { StoredValue } from './odoo-values';
import { compareRows, parseOrder } from './order';

const row =
  (values: Record<string, StoredValue>, names: Record<string, string> = {}) =>
  (path: string): FieldReading => ({
    value: values[path] ?? false,
    relational: path.endsWith('_id'),
    ...(names[path] === undefined ? {} : { displayName: names[path] }),
  });

const matches = (
  domain: unknown,
  values: Record<string, StoredValue>,
  names?: Record<string, string>,
): boolean => evaluateDomain(parseDomain(domain), row(values, names));

describe('Odoo domains', () => {
  const po = {
    name: 'P00042',
    state: 'purchase',
    amount_total: 120,
    partner_id: 7,
    write_date: '2025-01-02 10:00:00',
  };

  it('compares with =, !=, >, >=, <, <=', () => {
    expect(matches([['state', '=', 'purchase']], po)).toBe(true);
    expect(matches([['state', '!=', 'purchase']], po)).toBe(false);
    expect(matches([['amount_total', '>', 100]], po)).toBe(true);
    expect(matches([['amount_total', '<=', 119.99]], po)).toBe(false);
    expect(matches([['write_date', '>=', '2025-01-02 10:00:00']], po)).toBe(true);
    expect(matches([['write_date', '<', '2025-01-02 10:00:00']], po)).toBe(false);
  });

  it('treats consecutive terms as and, and honours the prefix operators | & !', () => {
    expect(
      matches(
        [
          ['state', '=', 'purchase'],
          ['amount_total', '>', 500],
        ],
        po,
      ),
    ).toBe(false);
    expect(matches(['|', ['state', '=', 'draft'], ['amount_total', '>', 100]], po)).toBe(true);
    expect(matches(['!', ['state', '=', 'purchase']], po)).toBe(false);
    expect(
      matches(
        ['|', '&', ['state', '=', 'draft'], ['amount_total', '>', 1], ['name', '=', 'P00042']],
        po,
      ),
    ).toBe(true);
  });

  it('matches in / not in, including unset values', () => {
    expect(matches([['state', 'in', ['draft', 'purchase']]], po)).toBe(true);
    expect(matches([['state', 'not in', ['draft', 'purchase']]], po)).toBe(false);
    expect(matches([['origin', 'in', [false]]], po)).toBe(true);
    expect(matches([['origin', 'not in', ['x']]], po)).toBe(true);
  });

  it('matches like and ilike as contains, =like and =ilike as patterns', () => {
    expect(matches([['name', 'like', '0004']], po)).toBe(true);
    expect(matches([['name', 'like', 'p000']], po)).toBe(false);
    expect(matches([['name', 'ilike', 'p000']], po)).toBe(true);
    expect(matches([['name', '=like', 'P%2']], po)).toBe(true);
    expect(matches([['name', '=ilike', 'p_0042']], po)).toBe(true);
    expect(matches([['name', 'not ilike', 'zzz']], po)).toBe(true);
  });

  it('compares a many2one with an id, with false, or by display name', () => {
    expect(matches([['partner_id', '=', 7]], po)).toBe(true);
    expect(matches([['partner_id', '=', false]], po)).toBe(false);
    expect(matches([['partner_id', '!=', false]], po)).toBe(true);
    expect(matches([['partner_id', 'ilike', 'azure']], po, { partner_id: 'Azure Interior' })).toBe(
      true,
    );
  });

  it('includes empty fields in != and excludes them from comparisons', () => {
    expect(matches([['origin', '!=', 'x']], po)).toBe(true);
    expect(matches([['origin', '>', 'a']], po)).toBe(false);
  });

  it('rejects malformed domains and unknown operators', () => {
    expect(() => parseDomain([['state', 'equals', 'x']])).toThrow(/unknown operator/);
    expect(() => parseDomain(['|', ['state', '=', 'x']])).toThrow(/Invalid domain/);
    expect(() => parseDomain('state = x')).toThrow(/Invalid domain/);
  });
});

describe('Odoo order', () => {
  const rows: Record<number, Record<string, StoredValue>> = {
    1: { write_date: '2025-01-01 00:00:02' },
    2: { write_date: '2025-01-01 00:00:01' },
    3: { write_date: '2025-01-01 00:00:02' },
    4: { write_date: false },
  };
  const sortBy = (order: string): number[] =>
    [4, 3, 2, 1].sort(
      compareRows(
        parseOrder(order, () => true),
        (id, field) => (field === 'id' ? id : (rows[id]?.[field] ?? false)),
      ),
    );

  it('orders by write_date then id, with empty values last when ascending', () => {
    expect(sortBy('write_date asc, id asc')).toEqual([2, 1, 3, 4]);
    expect(sortBy('write_date desc, id desc')).toEqual([4, 3, 1, 2]);
  });

  it('rejects unknown fields', () => {
    expect(() => parseOrder('nope asc', () => false)).toThrow(/Invalid "order"/);
  });
});
