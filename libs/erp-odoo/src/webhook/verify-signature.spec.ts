import {
  signedWebhookHeaders,
  verifyWebhookSignature,
  webhookSignature,
  WebhookVerdictStatus,
} from './verify-signature';

const secret = 'old-secret-0123456789';
const newSecret = 'new-secret-0123456789';
const body = Buffer.from('{"_model":"purchase.order","_id":7}');
const now = 1_767_225_600_000;
const policy = { secrets: [secret] };

describe('verifyWebhookSignature', () => {
  it('accepts a delivery signed with an active secret', () => {
    const verdict = verifyWebhookSignature(
      body,
      signedWebhookHeaders(secret, body, now),
      now,
      policy,
    );
    expect(verdict).toEqual({ kind: 'ok', timestamp: now / 1000, secretIndex: 0 });
  });

  it('accepts the old and the new secret while a rotation is under way', () => {
    const rotating = { secrets: [newSecret, secret] };
    const old = verifyWebhookSignature(
      body,
      signedWebhookHeaders(secret, body, now),
      now,
      rotating,
    );
    const fresh = verifyWebhookSignature(
      body,
      signedWebhookHeaders(newSecret, body, now),
      now,
      rotating,
    );
    expect([old.kind, fresh.kind]).toEqual(['ok', 'ok']);
    expect(old.kind === 'ok' && old.secretIndex).toBe(1);
  });

  it('reads header names case-insensitively, as Node lower-cases them', () => {
    const headers = Object.fromEntries(
      Object.entries(signedWebhookHeaders(secret, body, now)).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(verifyWebhookSignature(body, headers, now, policy).kind).toBe('ok');
  });

  it('rejects an altered body as a bad signature', () => {
    const headers = signedWebhookHeaders(secret, body, now);
    const altered = Buffer.from('{"_model":"purchase.order","_id":8}');
    expect(verifyWebhookSignature(altered, headers, now, policy)).toEqual({
      kind: 'bad-signature',
    });
  });

  it('rejects a delivery signed with a retired secret', () => {
    const headers = signedWebhookHeaders(secret, body, now);
    expect(verifyWebhookSignature(body, headers, now, { secrets: [newSecret] }).kind).toBe(
      'bad-signature',
    );
  });

  it('calls a missing header unsigned', () => {
    expect(verifyWebhookSignature(body, {}, now, policy)).toEqual({
      kind: 'unsigned',
      missing: 'X-Ferry-Signature',
    });
    const onlySignature = { 'X-Ferry-Signature': webhookSignature(secret, now / 1000, body) };
    expect(verifyWebhookSignature(body, onlySignature, now, policy)).toEqual({
      kind: 'unsigned',
      missing: 'X-Ferry-Timestamp',
    });
  });

  it.each([
    [
      'a signature without the sha256= prefix',
      { 'X-Ferry-Signature': 'abc', 'X-Ferry-Timestamp': '1' },
    ],
    ['a short hex signature', { 'X-Ferry-Signature': 'sha256=abcd', 'X-Ferry-Timestamp': '1' }],
    [
      'a timestamp that is not unix seconds',
      { 'X-Ferry-Signature': `sha256=${'a'.repeat(64)}`, 'X-Ferry-Timestamp': '2026-01-01' },
    ],
    [
      'a repeated signature header',
      { 'X-Ferry-Signature': ['sha256=a', 'sha256=b'], 'X-Ferry-Timestamp': '1' },
    ],
  ])('calls %s malformed', (_name, headers) => {
    expect(verifyWebhookSignature(body, headers, now, policy).kind).toBe('malformed');
  });

  it('calls an authentic delivery outside the window stale, in either direction', () => {
    const signedAt = now - 301_000;
    const old = verifyWebhookSignature(
      body,
      signedWebhookHeaders(secret, body, signedAt),
      now,
      policy,
    );
    expect(old).toEqual({ kind: 'stale', timestamp: signedAt / 1000, skewSeconds: 301 });
    const future = signedWebhookHeaders(secret, body, now + 301_000);
    expect(verifyWebhookSignature(body, future, now, policy).kind).toBe('stale');
    const edge = signedWebhookHeaders(secret, body, now - 300_000);
    expect(verifyWebhookSignature(body, edge, now, policy).kind).toBe('ok');
  });

  it('honours a custom tolerance', () => {
    const headers = signedWebhookHeaders(secret, body, now - 31_000);
    expect(
      verifyWebhookSignature(body, headers, now, { secrets: [secret], toleranceSeconds: 30 }).kind,
    ).toBe('stale');
  });

  it('refuses to run without a usable secret', () => {
    expect(() => verifyWebhookSignature(body, {}, now, { secrets: [] })).toThrow(RangeError);
    expect(() => verifyWebhookSignature(body, {}, now, { secrets: ['short'] })).toThrow(RangeError);
  });

  it('maps every verdict to an HTTP status', () => {
    expect(WebhookVerdictStatus).toEqual({
      ok: 202,
      unsigned: 401,
      'bad-signature': 401,
      stale: 401,
      malformed: 400,
    });
  });
});
