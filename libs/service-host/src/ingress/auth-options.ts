import { commaList, ConfigError, integer, oneOf, option, text, type ConfigOf } from '@ferry/config';

/**
 * Signature algorithms a token may use. Asymmetric only: `none` would accept anything, and an HS*
 * token verified against a public JWKS would let anyone holding the public key sign.
 */
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

function asymmetricAlgorithms(raw: string): string[] {
  const algorithms = commaList(raw);
  const refused = algorithms.filter((algorithm) => !ASYMMETRIC_ALGORITHMS.includes(algorithm));
  if (refused.length > 0)
    throw new Error(
      `${refused.join(', ')} not accepted; choose from ${ASYMMETRIC_ALGORITHMS.join(', ')}`,
    );
  return algorithms;
}

/** An https URL; plain http only on the loopback interface (a local IdP or test issuer). */
function jwksUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new Error('expected an absolute URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    throw new Error('expected an https URL (http only on localhost)');
  return parsed.toString();
}

/** How a service's business endpoints authenticate their callers (see docs/adapters.md, "Who may call"). */
export const ingressAuthOptions = {
  authMode: option(
    'FERRY_AUTH_MODE',
    oneOf('jwt', 'disabled-insecure'),
    'jwt',
    'jwt: every business request needs a valid bearer token; disabled-insecure: anyone may call (local experiments only, warned at start)',
  ),
  authIssuer: option(
    'FERRY_AUTH_ISSUER',
    text,
    '',
    'Required `iss` of bearer tokens (the IdP issuer URL); required in jwt mode',
  ),
  authAudiences: option(
    'FERRY_AUTH_AUDIENCE',
    commaList,
    [],
    'Accepted `aud` values, comma-separated (a token must name one); required in jwt mode',
  ),
  authJwksUrl: option(
    'FERRY_AUTH_JWKS_URL',
    jwksUrl,
    '',
    "URL of the IdP's JWKS (signing keys); set this or FERRY_AUTH_JWKS_FILE",
  ),
  authJwksFile: option(
    'FERRY_AUTH_JWKS_FILE',
    text,
    '',
    'Path of a JWKS file (air-gapped setups, a mounted Secret); set this or FERRY_AUTH_JWKS_URL',
  ),
  authAlgorithms: option(
    'FERRY_AUTH_ALGORITHMS',
    asymmetricAlgorithms,
    ['RS256', 'PS256', 'ES256', 'EdDSA'],
    'Accepted token signature algorithms, comma-separated (asymmetric only)',
  ),
  authClockSkewSeconds: option(
    'FERRY_AUTH_CLOCK_SKEW_SECONDS',
    integer({ min: 0, max: 300 }),
    30,
    'Clock difference tolerated when checking exp and nbf',
  ),
  authJwksTimeoutMs: option(
    'FERRY_AUTH_JWKS_TIMEOUT_MS',
    integer({ min: 100, max: 30_000 }),
    5000,
    'Timeout of one JWKS fetch',
  ),
  authJwksCooldownMs: option(
    'FERRY_AUTH_JWKS_COOLDOWN_MS',
    integer({ min: 0, max: 3_600_000 }),
    30_000,
    'Least time between two JWKS reloads caused by tokens naming an unknown key id',
  ),
  authJwksMaxAgeMs: option(
    'FERRY_AUTH_JWKS_MAX_AGE_MS',
    integer({ min: 1000 }),
    600_000,
    'How long a JWKS (fetched or read from its file) is used before it is loaded again; a retired key keeps passing at most this long, and a token verified with it up to this or 60 s (the shorter) more',
  ),
};

export type IngressAuthConfig = ConfigOf<typeof ingressAuthOptions>;

/** Where the signing keys come from. */
export type KeySource =
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly timeoutMs: number;
      readonly cooldownMs: number;
      readonly maxAgeMs: number;
    }
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly cooldownMs: number;
      readonly maxAgeMs: number;
    };

export interface TokenPolicy {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
}

export type IngressAuthPolicy =
  | { readonly kind: 'disabled' }
  | { readonly kind: 'jwt'; readonly token: TokenPolicy; readonly keys: KeySource };

/** Pure: the policy of the auth options, or a ConfigError naming every option that is missing. */
export function ingressAuthPolicy(config: IngressAuthConfig): IngressAuthPolicy {
  if (config.authMode === 'disabled-insecure') return { kind: 'disabled' };
  const problems: string[] = [];
  if (config.authIssuer === '') problems.push('FERRY_AUTH_ISSUER is required in jwt mode');
  if (config.authAudiences.length === 0)
    problems.push('FERRY_AUTH_AUDIENCE is required in jwt mode');
  if ((config.authJwksUrl === '') === (config.authJwksFile === ''))
    problems.push('set exactly one of FERRY_AUTH_JWKS_URL and FERRY_AUTH_JWKS_FILE in jwt mode');
  if (problems.length > 0) throw new ConfigError(problems);
  const cooldownMs = config.authJwksCooldownMs;
  return {
    kind: 'jwt',
    token: {
      issuer: config.authIssuer,
      audiences: config.authAudiences,
      algorithms: config.authAlgorithms,
      clockSkewSeconds: config.authClockSkewSeconds,
    },
    keys:
      config.authJwksUrl !== ''
        ? {
            kind: 'url',
            url: config.authJwksUrl,
            timeoutMs: config.authJwksTimeoutMs,
            cooldownMs,
            maxAgeMs: config.authJwksMaxAgeMs,
          }
        : {
            kind: 'file',
            path: config.authJwksFile,
            cooldownMs,
            maxAgeMs: config.authJwksMaxAgeMs,
          },
  };
}
