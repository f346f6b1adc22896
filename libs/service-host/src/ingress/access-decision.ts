import { RETRY_AFTER_SECONDS, type ErrorBody } from '../failure-answers';
import { RefusalStatus, type RefusalReason } from './refusal-reasons';
import type { BearerVerdict } from './verify-bearer';

export type AccessDecision =
  | { readonly kind: 'allowed'; readonly caller: string }
  | { readonly kind: 'refused'; readonly reason: RefusalReason };

/** Pure: a verified caller gets in when its token grants the route's scope (if it has one). */
export function decideAccess(
  verdict: BearerVerdict,
  requiredScope: string | undefined,
): AccessDecision {
  if (verdict.kind === 'refused') return verdict;
  if (requiredScope !== undefined && !verdict.scopes.has(requiredScope))
    return { kind: 'refused', reason: 'insufficient_scope' };
  return { kind: 'allowed', caller: verdict.caller };
}

export interface RefusalAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody & { readonly reason: RefusalReason };
}

const REALM = 'realm="ferry"';

/**
 * Pure: the answer to a refused request, with the RFC 6750 `WWW-Authenticate` challenge. It names
 * the reason code and nothing more: how a signature failed stays on the server.
 */
export function refusalAnswer(reason: RefusalReason, requiredScope?: string): RefusalAnswer {
  const status = RefusalStatus[reason];
  if (reason === 'missing_token')
    return {
      status,
      headers: { 'WWW-Authenticate': `Bearer ${REALM}` },
      body: {
        error: 'unauthenticated',
        reason,
        message: 'Send an Authorization: Bearer <token> header',
      },
    };
  if (reason === 'insufficient_scope')
    return {
      status,
      headers: {
        'WWW-Authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${requiredScope ?? ''}"`,
      },
      body: {
        error: 'insufficient_scope',
        reason,
        message: `The bearer token does not grant the scope ${requiredScope ?? ''}`,
      },
    };
  if (reason === 'keys_unavailable')
    return {
      status,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      body: {
        error: 'unavailable',
        reason,
        message:
          "The identity provider's signing keys could not be loaded; send the request again later",
      },
    };
  const error = reason === 'malformed_token' ? 'invalid_request' : 'invalid_token';
  return {
    status,
    headers: { 'WWW-Authenticate': `Bearer ${REALM}, error="${error}"` },
    body: { error: 'invalid_token', reason, message: `The bearer token was refused: ${reason}` },
  };
}
