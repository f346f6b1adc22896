/**
 * What a failure means for the work that met it; the one vocabulary every Ferry library speaks
 * (the consumer runtime routes by it, HTTP services answer by it):
 * - `transient`: the same work may succeed later (a lock, a serialization conflict, a 409/429/5xx).
 * - `unavailable`: the downstream cannot be reached or does not answer at all; nothing is gained
 *   by moving work around, so the caller holds and backs off.
 * - `permanent`: bad data or a business rejection; trying again cannot help.
 * - `programmer`: a bug (TypeError, RangeError, ...); never retried.
 */
export type FailureKind = 'transient' | 'unavailable' | 'permanent' | 'programmer';

const KINDS: ReadonlySet<string> = new Set<FailureKind>([
  'transient',
  'unavailable',
  'permanent',
  'programmer',
]);

/**
 * An error raised by a Ferry library that already knows its kind says so here, so that no other
 * library has to recognise a foreign client's messages (a lost Postgres connection, say).
 */
export interface ClassifiedFailure {
  readonly failureKind: FailureKind;
}

/** The kind an error declares about itself, if it does. */
export function declaredFailureKind(error: object): FailureKind | undefined {
  const kind = 'failureKind' in error ? error.failureKind : undefined;
  return typeof kind === 'string' && KINDS.has(kind) ? (kind as FailureKind) : undefined;
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
