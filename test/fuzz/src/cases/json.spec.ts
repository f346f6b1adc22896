import { addKeyAt, containerPaths, leafPaths, pathText, updateAt, valueAt } from './json-paths';
import { JsonToken, jsonObject, toJsonText, type FuzzJson } from './json-text';

const order: FuzzJson = {
  externalOrderId: 'FZ-1',
  lines: [{ sku: 'A', quantity: 2, unitPrice: '1.00' }],
  customer: { email: 'a@example.com' },
};

describe('toJsonText', () => {
  it('writes number tokens as they are and escapes NUL and lone surrogates', () => {
    const text = toJsonText({ n: new JsonToken('1e400'), s: '\u0000\ud800' });
    expect(text).toBe('{"n":1e400,"s":"\\u0000\\ud800"}');
    expect((JSON.parse(text) as { n: number; s: string }).s).toBe('\u0000\ud800');
  });

  it('sends __proto__ as a key of its own, not as a prototype', () => {
    const body = jsonObject([
      ['sku', 'A'],
      ['__proto__', { polluted: true }],
    ]);
    expect(toJsonText(body)).toBe('{"sku":"A","__proto__":{"polluted":true}}');
  });
});

describe('JSON paths', () => {
  it('lists every leaf and every container, named as the services name fields', () => {
    expect(leafPaths(order).map(pathText)).toEqual([
      'externalOrderId',
      'lines[0].sku',
      'lines[0].quantity',
      'lines[0].unitPrice',
      'customer.email',
    ]);
    expect(containerPaths(order).map(pathText)).toEqual([
      '(body)',
      'lines',
      'lines[0]',
      'customer',
    ]);
  });

  it('replaces and removes at a path without touching the original', () => {
    const changed = updateAt(order, ['lines', 0, 'quantity'], () => -1);
    expect(valueAt(changed, ['lines', 0, 'quantity'])).toBe(-1);
    expect(valueAt(order, ['lines', 0, 'quantity'])).toBe(2);
    const removed = updateAt(order, ['customer', 'email'], () => undefined);
    expect(valueAt(removed, ['customer'])).toEqual({});
    expect(updateAt(order, ['nope', 3], () => 1)).toEqual(order);
  });

  it('adds a key to the object at a path', () => {
    const added = addKeyAt(order, ['customer'], 'extra', 1);
    expect(valueAt(added, ['customer'])).toEqual({ email: 'a@example.com', extra: 1 });
  });
});
