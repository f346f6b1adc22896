import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { TokenPolicy } from './auth-options';
import type { RefusalReason } from './refusal-reasons';
import { KeysUnavailable } from './signing-keys';

export interface CallerVerdict {
  readonly kind: 'caller';
  readonly caller: string;
  readonly scopes: ReadonlySet<string>;
  /** When the token stops being valid (its `exp`), in epoch milliseconds. */
  readonly expiresAtMs: number;
}

export type BearerVerdict =
  CallerVerdict | { readonly kind: 'refused'; readonly reason: RefusalReason };

/** Who a caller is: printable ASCII, so it is safe in a Kafka header and a log line. */
const SUBJECT = /^[\x21-\x7e]{1,256}$/;

/**
 * The verdict on a request's `Authorization` header: a verified caller with its scopes, or the
 * reason it is refused. Checks the signature against `keys` with an allowed algorithm, then
 * `iss`, `aud`, `exp` (required) and `nbf` against `now` with the policy's clock skew, and that
 * `sub` names the caller.
 */
export async function verifyBearer(
  authorization: string | undefined,
  keys: JWTVerifyGetKey,
  policy: TokenPolicy,
  now: Date,
): Promise<BearerVerdict> {
  if (authorization === undefined || authorization === '')
    return { kind: 'refused', reason: 'missing_token' };
  const [scheme = '', token = '', ...rest] = authorization.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer' || token === '' || rest.length > 0)
    return { kind: 'refused', reason: 'malformed_token' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: policy.issuer,
      audience: [...policy.audiences],
      algorithms: [...policy.algorithms],
      clockTolerance: policy.clockSkewSeconds,
      currentDate: now,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error: unknown) {
    return { kind: 'refused', reason: refusalReason(error) };
  }
  if (typeof payload.sub !== 'string' || !SUBJECT.test(payload.sub))
    return { kind: 'refused', reason: 'invalid_claims' };
  return {
    kind: 'caller',
    caller: payload.sub,
    scopes: scopesOf(payload),
    expiresAtMs: (payload.exp ?? 0) * 1000,
  };
}

/** How long a verified token is believed without checking it again, at most. */
export const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * The callers of tokens verified lately: a WMS sends every request with the same token, and a
 * signature check per request cost the intake a large share of its CPU. A token is believed again
 * until its `exp` and for at most `maxAgeMs` (VERIFIED_TOKEN_MAX_AGE_MS, or the key set's own max
 * age when that is shorter), so a key withdrawn from the key set stops letting its tokens in at
 * most that much after the set is loaded again; refusals are never remembered. The oldest entries
 * go first beyond `kept`.
 */
export class VerifiedTokens {
  private readonly callers = new Map<string, { verdict: CallerVerdict; until: number }>();

  constructor(
    private readonly maxAgeMs = VERIFIED_TOKEN_MAX_AGE_MS,
    private readonly kept = VERIFIED_TOKENS_KEPT,
  ) {}

  async verdictOf(
    authorization: string | undefined,
    now: Date,
    verify: () => Promise<BearerVerdict>,
  ): Promise<BearerVerdict> {
    const nowMs = now.getTime();
    const known = authorization === undefined ? undefined : this.callers.get(authorization);
    if (known !== undefined && nowMs < known.until) return known.verdict;
    if (authorization !== undefined) this.callers.delete(authorization);
    const verdict = await verify();
    if (verdict.kind === 'caller' && authorization !== undefined) {
      const oldest = this.callers.keys().next();
      if (this.callers.size >= this.kept && oldest.done !== true) this.callers.delete(oldest.value);
      this.callers.set(authorization, {
        verdict,
        until: Math.min(verdict.expiresAtMs, nowMs + this.maxAgeMs),
      });
    }
    return verdict;
  }
}

/** jose's error codes, by the reason they are refused under. */
const REASON_OF_CODE: Readonly<Record<string, RefusalReason>> = {
  [errors.JWSInvalid.code]: 'malformed_token',
  [errors.JWTInvalid.code]: 'malformed_token',
  [errors.JOSENotSupported.code]: 'malformed_token',
  [errors.JOSEAlgNotAllowed.code]: 'algorithm_refused',
  [errors.JWKSNoMatchingKey.code]: 'unknown_key',
  [errors.JWKSMultipleMatchingKeys.code]: 'unknown_key',
  [errors.JWSSignatureVerificationFailed.code]: 'bad_signature',
  [errors.JWTExpired.code]: 'expired',
  [errors.JWKSTimeout.code]: 'keys_unavailable',
  [errors.JWKSInvalid.code]: 'keys_unavailable',
};

/** `JWTClaimValidationFailed`'s claim, by the reason it is refused under. */
const REASON_OF_CLAIM: Readonly<Record<string, RefusalReason>> = {
  iss: 'wrong_issuer',
  aud: 'wrong_audience',
  nbf: 'not_yet_valid',
};

/**
 * Pure: the reason of a verification failure. What jose does not name is the key source failing
 * (a refused connection, a non-200 answer): Ferry's outage, never the caller's.
 */
export function refusalReason(error: unknown): RefusalReason {
  if (error instanceof errors.JWTClaimValidationFailed)
    return REASON_OF_CLAIM[error.claim] ?? 'invalid_claims';
  if (error instanceof KeysUnavailable) return 'keys_unavailable';
  if (error instanceof errors.JOSEError) return REASON_OF_CODE[error.code] ?? 'keys_unavailable';
  return 'keys_unavailable';
}

/** The scopes a token grants: `scope` (space-separated, RFC 8693) and `scp` (a list or string). */
function scopesOf(payload: JWTPayload): ReadonlySet<string> {
  const granted = new Set<string>();
  for (const claim of [payload['scope'], payload['scp']]) {
    const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
    for (const value of values) if (typeof value === 'string' && value !== '') granted.add(value);
  }
  return granted;
}
