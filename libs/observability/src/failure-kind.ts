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
