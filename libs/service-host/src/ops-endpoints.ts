import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderMetrics } from '@ferry/observability';
import { normalPath, pathOf } from './request-path';
import type { ServiceHealth } from './service-health';

/**
 * Answers the operations endpoints, open to whoever reaches their port (Kubernetes probes,
 * Prometheus): `/health/live` (restart the process when it fails: it answers, but a component is
 * wedged), `/health/ready` (every component started and connected: send traffic; 503 otherwise)
 * and `/metrics`. Resolves false for any other request, which is not theirs.
 */
export function opsEndpoints(health: ServiceHealth) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = normalPath(pathOf(request));
    if (path === '/health/live' || path === '/health/ready') {
      const report = health.report();
      const up = path === '/health/live' ? report.live : report.ready;
      send(response, up ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(report));
      return true;
    }
    if (path === '/metrics') {
      const { contentType, body } = await renderMetrics();
      response.setHeader('Cache-Control', 'no-store');
      send(response, 200, contentType, body);
      return true;
    }
    return false;
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** The answer of the ops port to a path that is not an ops endpoint. */
export function sendOpsNotFound(response: ServerResponse): void {
  send(
    response,
    404,
    'application/json; charset=utf-8',
    JSON.stringify({
      error: 'not_found',
      message: 'This port serves /health/live, /health/ready and /metrics only',
    }),
  );
}
