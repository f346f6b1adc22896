import { counter, histogram } from '@ferry/observability';
import type { NextFunction, Request, Response } from 'express';
import { normalPath, pathOf } from './request-path';

/** 5 ms … 10 s: an intake request waits for Kafka's acknowledgement; 10 s is beyond any client's patience. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const LABELS = ['route', 'method', 'status_class'] as const;

const requests = counter(
  'ferry_http_requests_total',
  'Business HTTP requests answered, by route template, method and status class',
  LABELS,
);

const durations = histogram(
  'ferry_http_request_duration_seconds',
  'Time from a business request arriving to its answer being sent, by route template, method and status class',
  LABELS,
  HTTP_DURATION_BUCKETS,
);

/** The route label of a request that matched none of the service's routes. */
export const OTHER_ROUTE = 'other';

const METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/** Pure: the method label; anything outside the usual verbs is `other`. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
}

/** Pure: `2xx` for 200–299 and so on; a status outside 100–599 is `other`. */
export function statusClass(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599
    ? `${Math.floor(status / 100)}xx`
    : 'other';
}

/**
 * Pure: the route label of a request. The template of the handler that answered it
 * (`/v1/orders/:id`, never the raw path); for a request answered before routing (refused by the
 * ingress guard, or by a body parser) the known path it asked for; else `other`. Bounded by the
 * service's own routes, whatever paths callers send.
 */
export function routeLabel(template: string | undefined, knownPath: string | undefined): string {
  return template ?? knownPath ?? OTHER_ROUTE;
}

/** The template of the route that handled the request, as Express recorded it. */
function templateOf(request: Request): string | undefined {
  const route: unknown = request.route;
  if (typeof route !== 'object' || route === null || !('path' in route)) return undefined;
  return typeof route.path === 'string' ? `${request.baseUrl}${route.path}` : undefined;
}

/**
 * Express middleware counting and timing every business request once its answer is sent
 * (`ferry_http_requests_total`, `ferry_http_request_duration_seconds`). Registered after the ops
 * endpoints, so health checks and scrapes are not counted. `knownPaths` (the ingress guard's
 * routes, the raw-body paths) name the requests refused before routing. A request whose client
 * went away before the answer was sent is not counted.
 */
export function httpMetrics(knownPaths: readonly string[]) {
  const known = new Map(knownPaths.map((path) => [normalPath(path), path]));
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      const labels = {
        route: routeLabel(templateOf(request), known.get(normalPath(pathOf(request)))),
        method: methodLabel(request.method),
        status_class: statusClass(response.statusCode),
      };
      requests.inc(labels);
      durations.observe(labels, (performance.now() - started) / 1000);
    });
    next();
  };
}
