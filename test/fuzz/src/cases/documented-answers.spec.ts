import { documentedAnswer, followUpAnswer } from './documented-answers';
import type { FuzzCase } from './fuzz-case';

const base: FuzzCase = {
  index: 1,
  endpoint: 'odoo-webhook',
  generator: 'valid',
  template: { _model: 'purchase.order', _id: 1 },
  mutation: { kind: 'none' },
  bodyForm: { kind: 'json' },
  contentType: 'application/json',
  signing: 'valid',
  followUps: [],
};

describe('documentedAnswer', () => {
  it('fixes no answer for a valid delivery', () => {
    expect(documentedAnswer(base)).toBeUndefined();
  });

  it('refuses an unsigned delivery before reading its body, even a malformed one', () => {
    const unsigned = {
      ...base,
      generator: 'unsigned' as const,
      signing: 'none' as const,
      bodyForm: { kind: 'malformed' as const, how: 'truncated' as const, at: 0.5 },
    };
    expect(documentedAnswer(unsigned)).toEqual({ status: 401, error: 'unsigned' });
  });

  it('answers 413 to an oversized body whatever else is wrong with it', () => {
    const oversized = { ...base, generator: 'oversized-body' as const, signing: 'none' as const };
    expect(documentedAnswer(oversized)).toEqual({ status: 413, error: 'body_too_large' });
  });

  it('answers malformed_json to a signed body that is not JSON', () => {
    const malformed = {
      ...base,
      generator: 'malformed-json' as const,
      bodyForm: { kind: 'malformed' as const, how: 'comment' as const, at: 0 },
    };
    expect(documentedAnswer(malformed)).toEqual({ status: 400, error: 'malformed_json' });
  });

  it('answers 415 to a webhook that is not sent as JSON', () => {
    expect(documentedAnswer({ ...base, contentType: 'text/plain' })).toEqual({
      status: 415,
      error: 'unsupported_media_type',
    });
  });

  it.each([
    [null, 'idempotency_key_required'],
    [' ', 'idempotency_key_required'],
    ['k'.repeat(256), 'invalid_idempotency_key'],
    ['clé', 'invalid_idempotency_key'],
  ])('refuses the Idempotency-Key %j with %s', (idempotencyKey, error) => {
    const order: FuzzCase = {
      ...base,
      endpoint: 'orders',
      generator: 'hostile-idempotency-key',
      signing: undefined,
      idempotencyKey,
    };
    expect(documentedAnswer(order)).toEqual({ status: 400, error });
  });

  it('takes a 255-character visible ASCII key', () => {
    const order: FuzzCase = {
      ...base,
      endpoint: 'orders',
      generator: 'hostile-idempotency-key',
      signing: undefined,
      idempotencyKey: 'k'.repeat(255),
    };
    expect(documentedAnswer(order)).toBeUndefined();
  });
});

describe('followUpAnswer', () => {
  const placed = { status: 202 };
  it('replays a placed order for the same key and for a new key with the same body', () => {
    expect(followUpAnswer('retry-same-key', placed)).toEqual({ status: 202 });
    expect(followUpAnswer('new-key-same-order', placed)).toEqual({ status: 202 });
  });

  it('refuses another body under the same key or for the same order', () => {
    expect(followUpAnswer('same-key-other-body', placed)).toEqual({
      status: 422,
      error: 'idempotency_key_reused',
    });
    expect(followUpAnswer('new-key-other-body', placed)).toEqual({
      status: 409,
      error: 'order_exists',
    });
  });

  it('keeps refusing an invalid order, and fixes nothing after other answers', () => {
    const invalid = { status: 400, error: 'invalid_order' };
    expect(followUpAnswer('retry-same-key', invalid)).toEqual(invalid);
    expect(followUpAnswer('same-key-other-body', invalid)).toBeUndefined();
    expect(followUpAnswer('retry-same-key', { status: 500 })).toBeUndefined();
  });
});
