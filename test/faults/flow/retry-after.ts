import type { RecordedRequest } from '@ferry/simulators';

/** Requests on their way before a 429 reached the client arrive this soon after it. */
const IN_FLIGHT_MS = 200;

/**
 * Requests that reached Odoo while a `Retry-After` it had just sent was still running. A 429 at
 * t carrying `Retry-After: n` forbids any request before t + n s; a request within 200 ms of the
 * 429 was already on its way and is not held against it. `retryAfterMs` is the header's value
 * (the simulator's rate limit with a 1 s window always sends 1 s).
 */
export function requestsBeforeRetryAfter(
  requests: readonly RecordedRequest[],
  retryAfterMs: number,
): { readonly rejected: number; readonly early: number } {
  const rejections = requests.filter((request) => request.status === 429);
  const early = new Set<RecordedRequest>();
  for (const rejection of rejections) {
    for (const request of requests) {
      const after = request.at - rejection.at;
      if (after > IN_FLIGHT_MS && after < retryAfterMs) early.add(request);
    }
  }
  return { rejected: rejections.length, early: early.size };
}
