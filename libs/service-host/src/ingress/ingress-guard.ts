import { counter, type Logger } from '@ferry/observability';
import type { NextFunction, Request, Response } from 'express';
import { normalPath, pathOf } from '../request-path';
import { decideAccess, refusalAnswer, type AccessDecision } from './access-decision';
import type { IngressAuthPolicy } from './auth-options';
import type { RefusalReason } from './refusal-reasons';
import { signingKeys } from './signing-keys';
import { VERIFIED_TOKEN_MAX_AGE_MS, verifyBearer, VerifiedTokens } from './verify-bearer';
import { rememberCaller } from './caller';

/** A business route and the scope a caller's token must grant to use it. */
export interface IngressRoute {
  readonly method: string;
  readonly path: string;
  readonly scope: string;
}

/** Who is refused: `route` is a listed route or `other`, so the labels stay bounded. */
const authRefusals = counter(
  'ferry_http_auth_refusals_total',
  'Business requests refused for their credentials, by service, route and reason',
  ['service', 'route', 'reason'],
);

/** The caller named on events and logs when authentication is switched off. */
export const ANONYMOUS_CALLER = 'anonymous';

export interface IngressGuardOptions {
  readonly service: string;
  readonly policy: IngressAuthPolicy;
  readonly routes: readonly IngressRoute[];
  readonly logger: Logger;
  readonly clock?: () => Date;
}

/**
 * Express middleware in front of every business route, before any body is read: a request gets
 * through only with a valid bearer token, and on a listed route only when the token grants the
 * route's scope. A path not listed still needs a valid token (deny by default). Refusals answer
 * 401/403 (503 when the IdP's keys cannot be loaded), are counted and logged with their reason;
 * the token itself is never logged. Each request let in is logged once answered, with its caller.
 */
export function ingressGuard(options: IngressGuardOptions) {
  const { service, policy, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const routes = new Map(
    options.routes.map((route) => [routeKey(route.method, route.path), route] as const),
  );
  const keys = policy.kind === 'jwt' ? signingKeys(policy.keys) : undefined;
  const verified = new VerifiedTokens(
    policy.kind === 'jwt'
      ? Math.min(VERIFIED_TOKEN_MAX_AGE_MS, policy.keys.maxAgeMs)
      : VERIFIED_TOKEN_MAX_AGE_MS,
  );
  if (policy.kind === 'disabled')
    logger.warn(
      'AUTHENTICATION IS OFF (FERRY_AUTH_MODE=disabled-insecure): anyone who reaches this port may publish; never run this way outside a local experiment',
    );

  const decide = async (request: Request, scope: string | undefined): Promise<AccessDecision> => {
    if (keys === undefined || policy.kind === 'disabled')
      return { kind: 'allowed', caller: ANONYMOUS_CALLER };
    const { authorization } = request.headers;
    const now = clock();
    const verdict = await verified.verdictOf(authorization, now, () =>
      verifyBearer(authorization, keys, policy.token, now),
    );
    return decideAccess(verdict, scope);
  };

  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const started = Date.now();
    const route = routes.get(routeKey(request.method, pathOf(request)));
    const label = route === undefined ? 'other' : `${route.method} ${route.path}`;
    const decision = await decide(request, route?.scope);
    if (decision.kind === 'refused') {
      refuse(response, decision.reason, route?.scope, label);
      return;
    }
    rememberCaller(request, decision.caller);
    response.once('finish', () => {
      logger.info('request answered', {
        route: label,
        status: response.statusCode,
        caller: decision.caller,
        durationMs: Date.now() - started,
      });
    });
    next();
  };

  function refuse(
    response: Response,
    reason: RefusalReason,
    scope: string | undefined,
    label: string,
  ): void {
    authRefusals.inc({ service, route: label, reason });
    const answer = refusalAnswer(reason, scope);
    const level = reason === 'keys_unavailable' ? 'error' : 'warn';
    logger[level]('request refused: credentials', { route: label, reason, status: answer.status });
    response.status(answer.status).set(answer.headers).json(answer.body);
  }
}

function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${normalPath(path)}`;
}
