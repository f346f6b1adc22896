import { ConfigError, readConfig } from '@ferry/config';
import { ingressAuthOptions, ingressAuthPolicy } from './auth-options';
import { jwksProblem } from './signing-keys';

const policyOf = (env: Record<string, string>) =>
  ingressAuthPolicy(readConfig(ingressAuthOptions, env));

describe('ingressAuthPolicy', () => {
  it('requires a token by default, and says which options are missing', () => {
    expect(() => policyOf({})).toThrow(ConfigError);
    expect(() => policyOf({})).toThrow(/FERRY_AUTH_ISSUER is required/);
    expect(() => policyOf({})).toThrow(/FERRY_AUTH_AUDIENCE is required/);
    expect(() => policyOf({})).toThrow(
      /exactly one of FERRY_AUTH_JWKS_URL and FERRY_AUTH_JWKS_FILE/,
    );
  });

  it('takes a JWKS file or URL, not both', () => {
    const base = { FERRY_AUTH_ISSUER: 'https://idp', FERRY_AUTH_AUDIENCE: 'ferry' };
    expect(policyOf({ ...base, FERRY_AUTH_JWKS_FILE: '/keys/jwks.json' })).toMatchObject({
      kind: 'jwt',
      keys: { kind: 'file', path: '/keys/jwks.json' },
    });
    expect(
      policyOf({ ...base, FERRY_AUTH_JWKS_URL: 'https://idp.example.com/jwks' }),
    ).toMatchObject({ kind: 'jwt', keys: { kind: 'url', timeoutMs: 5000 } });
    expect(() =>
      policyOf({
        ...base,
        FERRY_AUTH_JWKS_FILE: '/keys/jwks.json',
        FERRY_AUTH_JWKS_URL: 'https://idp.example.com/jwks',
      }),
    ).toThrow(/exactly one/);
  });

  it('refuses none and HS algorithms, and a JWKS over plain http beyond localhost', () => {
    expect(() => readConfig(ingressAuthOptions, { FERRY_AUTH_ALGORITHMS: 'RS256,none' })).toThrow(
      /none not accepted/,
    );
    expect(() => readConfig(ingressAuthOptions, { FERRY_AUTH_ALGORITHMS: 'HS256' })).toThrow(
      /HS256 not accepted/,
    );
    expect(() =>
      readConfig(ingressAuthOptions, { FERRY_AUTH_JWKS_URL: 'http://idp.example.com/jwks' }),
    ).toThrow(/https/);
  });

  it('switches authentication off only when asked by name', () => {
    expect(policyOf({ FERRY_AUTH_MODE: 'disabled-insecure' })).toEqual({ kind: 'disabled' });
    expect(() => policyOf({ FERRY_AUTH_MODE: 'off' })).toThrow(/expected one of/);
  });
});

describe('jwksProblem', () => {
  it('takes a set of public keys only', () => {
    expect(jwksProblem({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] })).toBeUndefined();
    expect(jwksProblem({ keys: [] })).toMatch(/at least one key/);
    expect(jwksProblem({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] })).toMatch(/symmetric/);
    expect(jwksProblem({ keys: [{ kty: 'EC', d: 'private' }] })).toMatch(/private key/);
    expect(jwksProblem([])).toMatch(/expected a JWKS/);
  });
});
