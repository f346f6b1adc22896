/**
 * Why a request was not let in, as the bounded reason code it is counted, logged and answered
 * under. `keys_unavailable` is Ferry's own outage (the IdP's JWKS did not answer), not the
 * caller's fault: it answers 503, so that the caller retries instead of fetching a new token.
 */
export const RefusalStatus = {
  missing_token: 401,
  malformed_token: 401,
  algorithm_refused: 401,
  unknown_key: 401,
  bad_signature: 401,
  expired: 401,
  not_yet_valid: 401,
  wrong_issuer: 401,
  wrong_audience: 401,
  invalid_claims: 401,
  insufficient_scope: 403,
  keys_unavailable: 503,
} as const;

export type RefusalReason = keyof typeof RefusalStatus;
