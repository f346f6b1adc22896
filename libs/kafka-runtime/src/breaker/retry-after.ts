/**
 * How long a downstream asked to be left alone (`retryAfterMs`, from an HTTP `Retry-After` of a
 * 429 or 503), on the error or one of its causes; 0 when it said nothing.
 */
export function retryAfterOf(error: unknown): number {
  for (let current = error, depth = 0; depth < 5; depth += 1) {
    if (typeof current !== 'object' || current === null) return 0;
    if ('retryAfterMs' in current && typeof current.retryAfterMs === 'number')
      return Math.max(0, current.retryAfterMs);
    current = 'cause' in current ? current.cause : undefined;
  }
  return 0;
}
