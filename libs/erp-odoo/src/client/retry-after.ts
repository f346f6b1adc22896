/** Longest Retry-After we honour; a larger value is taken as this (an outage is the breaker's). */
export const MAX_RETRY_AFTER_MS = 15 * 60 * 1000;

/**
 * Milliseconds to wait from a `Retry-After` header (RFC 9110: delay-seconds or an HTTP-date),
 * measured from `nowMs`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}
