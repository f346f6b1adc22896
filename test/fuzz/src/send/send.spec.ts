import { verifySignature } from '@ferry/simulators';
import type { Signing } from '../cases/fuzz-case';
import { JsonToken } from '../cases/json-text';
import { readAnswer } from './answer';
import { isLoopback } from './http-exchange';
import { bodySample, renderBody } from './render-body';
import { webhookSigningHeaders } from './webhook-signing';

const secret = 'fuzz-webhook-secret-0001';
const now = 1_767_225_600_000;
const body = Buffer.from('{"_model":"purchase.order","_id":1}');

describe('webhookSigningHeaders', () => {
  const verified = (signing: Signing, nowMs = now) =>
    verifySignature(
      { secret },
      body.toString(),
      webhookSigningHeaders(signing, secret, body, nowMs),
      now / 1000,
    );

  it('signs a valid delivery the way the simulated signing proxy checks it', () => {
    expect(verified('valid')).toBe(true);
  });

  it.each<Signing>(['none', 'signature-only', 'wrong-secret', 'stale', 'malformed-header'])(
    'spoils a %s delivery so that it does not verify',
    (signing) => {
      expect(verified(signing)).toBe(false);
    },
  );

  it('leaves out the timestamp of a signature-only delivery, and the prefix of a malformed one', () => {
    expect(Object.keys(webhookSigningHeaders('signature-only', secret, body, now))).toEqual([
      'X-Ferry-Signature',
    ]);
    expect(
      webhookSigningHeaders('malformed-header', secret, body, now)['X-Ferry-Signature'],
    ).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('renderBody', () => {
  it('pads a body with spaces to its size, and keeps tokens and bytes as they are', () => {
    const padded = renderBody({ kind: 'padded', value: { a: 1 }, toBytes: 100 });
    expect(padded.length).toBe(100);
    expect(JSON.parse(padded.toString())).toEqual({ a: 1 });
    expect(renderBody({ kind: 'json', value: { n: new JsonToken('-0') } }).toString()).toBe(
      '{"n":-0}',
    );
    expect([...renderBody({ kind: 'bytes', bytes: [0x7b, 0xff] })]).toEqual([0x7b, 0xff]);
  });

  it('shows a sample with controls and lone surrogates escaped, and the size of a long body', () => {
    expect(bodySample({ kind: 'json', value: { s: '\u0000' } })).toBe('{\\"s\\":\\"\\\\u0000\\"}');
    expect(bodySample({ kind: 'text', text: `\ud800${'x'.repeat(300)}` }, 4)).toBe(
      '\\ud800xxx… (303 bytes)',
    );
  });
});

describe('isLoopback', () => {
  it('lets only this machine be a target', () => {
    const ok = [
      'http://127.0.0.1:3000/x',
      'http://localhost:1/',
      'http://[::1]:80/',
      'http://127.9.9.9/',
    ];
    const refused = [
      'http://10.0.0.1/',
      'http://192.168.1.2/',
      'https://127.0.0.1/',
      'http://example.com/',
      'http://127.0.0.1.example.com/',
    ];
    expect(ok.filter((url) => !isLoopback(new URL(url)))).toEqual([]);
    expect(refused.filter((url) => isLoopback(new URL(url)))).toEqual([]);
  });
});

describe('readAnswer', () => {
  it('reads the error code, the events and the order of an answer', () => {
    const accepted = readAnswer(
      202,
      '{"accepted":1,"events":[{"eventId":"e1","entityId":"A@W","sourceVersion":3},{"bad":1}]}',
      false,
      5,
    );
    expect(accepted.events).toEqual([{ eventId: 'e1', entityId: 'A@W', sourceVersion: 3 }]);
    expect(readAnswer(400, '{"error":"invalid_order"}', false, 1).error).toBe('invalid_order');
    expect(readAnswer(202, '{"eventId":"o1"}', true, 1)).toMatchObject({
      eventId: 'o1',
      replayed: true,
    });
    expect(readAnswer(502, '<html>', false, 1)).toEqual({
      status: 502,
      events: [],
      replayed: false,
      ms: 1,
    });
  });
});
