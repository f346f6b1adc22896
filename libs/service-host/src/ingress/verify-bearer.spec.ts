import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import type { TokenPolicy } from './auth-options';
import { signingKeys } from './signing-keys';
import { verifyBearer } from './verify-bearer';

const policy: TokenPolicy = {
  issuer: 'https://idp.example.com',
  audiences: ['ferry'],
  algorithms: ['ES256', 'RS256'],
  clockSkewSeconds: 30,
};
const NOW = new Date('2030-01-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

interface Key {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
}

function sign(key: Key, claims: JWTPayload = {}, header: { kid?: string } = {}): Promise<string> {
  return new SignJWT({
    scope: 'ferry:inventory.write',
    iss: policy.issuer,
    aud: 'ferry',
    sub: 'wms-eu-1',
    exp: nowSeconds + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: header.kid ?? key.kid })
    .sign(key.privateKey);
}

describe('verifyBearer', () => {
  let folder: string;
  let jwksFile: string;
  let current: Key;
  let clockMs: number;
  const writeJwks = (...keys: Key[]): void => {
    writeFileSync(jwksFile, JSON.stringify({ keys: keys.map((key) => key.jwk) }));
  };
  const keysOfFile = (cooldownMs = 30_000) =>
    signingKeys({ kind: 'file', path: jwksFile, cooldownMs, maxAgeMs: 600_000 }, () => clockMs);
  const verify = async (token: string, keys = keysOfFile()) =>
    verifyBearer(`Bearer ${token}`, keys, policy, NOW);

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ferry-jwks-'));
    jwksFile = join(folder, 'jwks.json');
    current = await newKey('key-1');
    clockMs = 0;
    writeJwks(current);
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('lets in a valid token as its subject, with its scopes from `scope` and `scp`', async () => {
    const token = await sign(current, { scp: ['ferry:orders.write'] });
    expect(await verify(token)).toEqual({
      kind: 'caller',
      caller: 'wms-eu-1',
      scopes: new Set(['ferry:inventory.write', 'ferry:orders.write']),
      expiresAtMs: expect.any(Number) as number,
    });
  });

  it('refuses a request without a token, and a header that is not one bearer token', async () => {
    const keys = keysOfFile();
    expect(await verifyBearer(undefined, keys, policy, NOW)).toEqual({
      kind: 'refused',
      reason: 'missing_token',
    });
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Bearer not-a-jwt'])
      expect(await verifyBearer(header, keys, policy, NOW)).toEqual({
        kind: 'refused',
        reason: 'malformed_token',
      });
  });

  it('refuses an expired token, but tolerates the clock skew', async () => {
    const expired = await sign(current, { exp: nowSeconds - 31 });
    expect(await verify(expired)).toEqual({ kind: 'refused', reason: 'expired' });
    const withinSkew = await sign(current, { exp: nowSeconds - 29 });
    expect((await verify(withinSkew)).kind).toBe('caller');
  });

  it('refuses a token not yet valid', async () => {
    const early = await sign(current, { nbf: nowSeconds + 120 });
    expect(await verify(early)).toEqual({ kind: 'refused', reason: 'not_yet_valid' });
  });

  it('refuses a token for another audience', async () => {
    const other = await sign(current, { aud: 'another-api' });
    expect(await verify(other)).toEqual({ kind: 'refused', reason: 'wrong_audience' });
  });

  it('refuses a token of another issuer', async () => {
    const other = await sign(current, { iss: 'https://evil.example.com' });
    expect(await verify(other)).toEqual({ kind: 'refused', reason: 'wrong_issuer' });
  });

  it('refuses a token without expiry or without subject', async () => {
    const noExpiry = await sign(current, { exp: undefined });
    expect(await verify(noExpiry)).toEqual({ kind: 'refused', reason: 'invalid_claims' });
    const noSubject = await sign(current, { sub: undefined });
    expect(await verify(noSubject)).toEqual({ kind: 'refused', reason: 'invalid_claims' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = new UnsecuredJWT({ scope: 'ferry:inventory.write' })
      .setIssuer(policy.issuer)
      .setAudience('ferry')
      .setSubject('wms-eu-1')
      .setExpirationTime(nowSeconds + 300)
      .encode();
    expect(await verify(unsigned)).toEqual({ kind: 'refused', reason: 'algorithm_refused' });
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const publicBytes = new TextEncoder().encode(JSON.stringify(current.jwk));
    const confused = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: current.kid })
      .setIssuer(policy.issuer)
      .setAudience('ferry')
      .setSubject('wms-eu-1')
      .setExpirationTime(nowSeconds + 300)
      .sign(publicBytes);
    expect(await verify(confused)).toEqual({ kind: 'refused', reason: 'algorithm_refused' });
  });

  it('refuses a token whose signature does not match its key', async () => {
    const impostor = await newKey('key-1');
    expect(await verify(await sign(impostor))).toEqual({
      kind: 'refused',
      reason: 'bad_signature',
    });
  });

  it('refuses an unknown key id, then lets it in once the rotated JWKS holds it', async () => {
    const keys = keysOfFile(30_000);
    const next = await newKey('key-2');
    const rotatedToken = await sign(next);
    expect(await verify(rotatedToken, keys)).toEqual({ kind: 'refused', reason: 'unknown_key' });

    writeJwks(current, next);
    // Within the cooldown the file is not read again: a flood of made-up key ids costs nothing.
    clockMs += 29_000;
    expect(await verify(rotatedToken, keys)).toEqual({ kind: 'refused', reason: 'unknown_key' });
    clockMs += 2_000;
    expect((await verify(rotatedToken, keys)).kind).toBe('caller');
    // Both keys pass during the rotation.
    expect((await verify(await sign(current), keys)).kind).toBe('caller');
  });

  it('stops taking a retired key once the loaded set is older than its max age', async () => {
    const keys = keysOfFile();
    const next = await newKey('key-2');
    const oldToken = await sign(current);
    expect((await verify(oldToken, keys)).kind).toBe('caller');
    writeJwks(next);
    clockMs += 599_000;
    expect((await verify(oldToken, keys)).kind).toBe('caller');
    clockMs += 1_000;
    expect(await verify(oldToken, keys)).toEqual({ kind: 'refused', reason: 'unknown_key' });
  });
});
