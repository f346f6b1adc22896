/**
 * What a failure means for the work that met it; the one vocabulary every Ferry library speaks
 * (the consumer runtime routes by it, HTTP services answer by it, metrics label by it):
 * - `transient`: the same work may succeed later (a lock, a serialization conflict, a 409/5xx).
 * - `unavailable`: the downstream cannot be reached or will not take work now (a refused
 *   connection, 429, 502/503/504); nothing is gained by moving work around, so the caller holds
 *   and backs off.
 * - `permanent`: bad data or a business rejection; trying again cannot help.
 * - `programmer`: a bug (TypeError, RangeError, ...); never retried.
 */
export type FailureKind = 'transient' | 'unavailable' | 'permanent' | 'programmer';

/** Whether trying the same work again can help: `retriable` is derived from the kind, never kept beside it. */
export function isRetriableKind(kind: FailureKind): boolean {
  return kind === 'transient' || kind === 'unavailable';
}

/**
 * The kind of an HTTP error answer, for every client that calls a downstream over HTTP:
 * 408/409/425 and other 5xx transient; rate limited (429) or a gateway that cannot reach its
 * server (502/503/504) unavailable, since the downstream will not take work now and the request
 * is not at fault; any other status permanent.
 */
export function failureKindOfHttpStatus(status: number): FailureKind {
  if (status === 408 || status === 409 || status === 425) return 'transient';
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'transient';
  return 'permanent';
}
