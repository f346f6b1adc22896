import { decideAccess, refusalAnswer } from './access-decision';
import type { BearerVerdict } from './verify-bearer';

const caller: BearerVerdict = {
  kind: 'caller',
  caller: 'wms-eu-1',
  scopes: new Set(['ferry:inventory.write']),
  expiresAtMs: Date.parse('2026-12-01T12:00:00Z'),
};

describe('decideAccess', () => {
  it('lets a caller in on a route whose scope its token grants', () => {
    expect(decideAccess(caller, 'ferry:inventory.write')).toEqual({
      kind: 'allowed',
      caller: 'wms-eu-1',
    });
  });

  it('refuses a valid token missing the route scope with insufficient_scope', () => {
    expect(decideAccess(caller, 'ferry:orders.write')).toEqual({
      kind: 'refused',
      reason: 'insufficient_scope',
    });
  });

  it('needs no scope on a route that lists none, but still a valid token', () => {
    expect(decideAccess(caller, undefined).kind).toBe('allowed');
    expect(decideAccess({ kind: 'refused', reason: 'expired' }, undefined)).toEqual({
      kind: 'refused',
      reason: 'expired',
    });
  });
});

describe('refusalAnswer', () => {
  it('answers a missing token 401 with a bare Bearer challenge', () => {
    const answer = refusalAnswer('missing_token');
    expect(answer.status).toBe(401);
    expect(answer.headers['WWW-Authenticate']).toBe('Bearer realm="ferry"');
    expect(answer.body.error).toBe('unauthenticated');
  });

  it('answers a refused token 401 invalid_token naming only the reason code', () => {
    const answer = refusalAnswer('bad_signature');
    expect(answer).toEqual({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="ferry", error="invalid_token"' },
      body: {
        error: 'invalid_token',
        reason: 'bad_signature',
        message: 'The bearer token was refused: bad_signature',
      },
    });
  });

  it('answers a missing scope 403 insufficient_scope naming the scope', () => {
    const answer = refusalAnswer('insufficient_scope', 'ferry:orders.write');
    expect(answer.status).toBe(403);
    expect(answer.headers['WWW-Authenticate']).toBe(
      'Bearer realm="ferry", error="insufficient_scope", scope="ferry:orders.write"',
    );
  });

  it('answers keys that cannot be loaded 503 with Retry-After: the caller is not at fault', () => {
    const answer = refusalAnswer('keys_unavailable');
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('5');
  });
});
