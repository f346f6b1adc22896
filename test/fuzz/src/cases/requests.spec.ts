import type { FuzzCase } from './fuzz-case';
import { applyMutation, requestsOf } from './requests';

const snapshot = { sku: 'SKU-{case}-A', location: 'WH', onHand: 1, version: 2 };
const base: FuzzCase = {
  index: 7,
  endpoint: 'inventory-single',
  generator: 'valid',
  template: snapshot,
  mutation: { kind: 'none' },
  bodyForm: { kind: 'json' },
  contentType: 'application/json',
  followUps: [],
};

describe('applyMutation', () => {
  it('inserts into a string at its start, middle or end', () => {
    const at = (where: 'start' | 'middle' | 'end') =>
      applyMutation({ sku: 'ABCD' }, { kind: 'insert', path: ['sku'], text: '\u0000', at: where });
    expect([at('start'), at('middle'), at('end')]).toEqual([
      { sku: '\u0000ABCD' },
      { sku: 'AB\u0000CD' },
      { sku: 'ABCD\u0000' },
    ]);
  });

  it('repeats an array item with ids of its own', () => {
    const batch = { snapshots: [snapshot] };
    const repeated = applyMutation(batch, { kind: 'repeat', path: ['snapshots'], count: 3 });
    expect(repeated).toEqual({
      snapshots: ['-r0', '-r1', '-r2'].map((suffix) => ({
        ...snapshot,
        sku: `SKU-{case}-A${suffix}`,
      })),
    });
  });

  it('sets, deletes and adds keys', () => {
    expect(applyMutation(snapshot, { kind: 'set', path: ['onHand'], value: null })).toMatchObject({
      onHand: null,
    });
    expect(applyMutation(snapshot, { kind: 'delete', path: ['version'] })).not.toHaveProperty(
      'version',
    );
    expect(
      applyMutation(snapshot, { kind: 'add-key', path: [], key: 'delta', value: 3 }),
    ).toMatchObject({ delta: 3 });
  });
});

describe('requestsOf', () => {
  it('gives the case its own ids, also where a mutation cut into one', () => {
    const cut: FuzzCase = {
      ...base,
      mutation: { kind: 'insert', path: ['sku'], text: 'X', at: 'middle' },
    };
    const [request] = requestsOf(cut);
    expect(request?.body).toEqual({ kind: 'json', value: { ...snapshot, sku: 'SKUX-7-A' } });
  });

  it('puts the invalid bytes where the mark was', () => {
    const invalid: FuzzCase = {
      ...base,
      generator: 'invalid-utf8',
      mutation: { kind: 'insert', path: ['location'], text: '\ue000', at: 'end' },
      bodyForm: { kind: 'invalid-utf8', bytes: [0xff] },
    };
    const [request] = requestsOf(invalid);
    const bytes =
      request?.body.kind === 'bytes' ? Buffer.from(request.body.bytes) : Buffer.alloc(0);
    expect(bytes.includes(Buffer.from('"location":"WH\xff"', 'latin1'))).toBe(true);
  });

  it('sends an order again with the same key, a new key, and another body', () => {
    const order: FuzzCase = {
      ...base,
      endpoint: 'orders',
      template: { externalOrderId: 'FZ-{case}', channel: 'web' },
      idempotencyKey: 'fz-{case}-a',
      followUps: ['retry-same-key', 'new-key-same-order', 'new-key-other-body'],
    };
    const requests = requestsOf(order);
    expect(requests.map((r) => [r.step, r.headers['Idempotency-Key']])).toEqual([
      ['first', 'fz-7-a'],
      ['retry-same-key', 'fz-7-a'],
      ['new-key-same-order', 'fz-7-b'],
      ['new-key-other-body', 'fz-7-c'],
    ]);
    expect(requests[3]?.body).toEqual({
      kind: 'json',
      value: { externalOrderId: 'FZ-7', channel: 'fuzz-other-channel' },
    });
  });

  it('sends no Idempotency-Key when the case has none', () => {
    const order: FuzzCase = { ...base, endpoint: 'orders', idempotencyKey: null };
    expect(requestsOf(order)[0]?.headers).toEqual({});
  });
});
