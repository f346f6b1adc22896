import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How outbound deliveries are signed. Odoo itself does not sign webhooks; this stands for the
 * reverse proxy or middleware that does it in front of Ferry. Defaults:
 *   X-Ferry-Timestamp: <unix seconds>
 *   X-Ferry-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * With `scheme: 'body'` the HMAC covers the raw body alone and no timestamp header is sent.
 */
export interface SigningOptions {
  readonly secret: string;
  readonly signatureHeader?: string;
  readonly timestampHeader?: string;
  readonly algorithm?: 'sha256' | 'sha512';
  readonly scheme?: 'timestamped' | 'body';
}

export const DEFAULT_SIGNATURE_HEADER = 'X-Ferry-Signature';
export const DEFAULT_TIMESTAMP_HEADER = 'X-Ferry-Timestamp';

/** What signing a delivery does, including the faults a receiver must reject. */
export type SignatureFault = 'valid' | 'missing' | 'invalid';

export function signatureOf(
  options: SigningOptions,
  rawBody: string,
  timestampSeconds: number,
): string {
  const algorithm = options.algorithm ?? 'sha256';
  const signed =
    (options.scheme ?? 'timestamped') === 'timestamped'
      ? `${timestampSeconds}.${rawBody}`
      : rawBody;
  return `${algorithm}=${createHmac(algorithm, options.secret).update(signed).digest('hex')}`;
}

/** The headers a delivery carries under `options`, possibly spoilt by `fault`. */
export function signatureHeaders(
  options: SigningOptions | undefined,
  rawBody: string,
  timestampSeconds: number,
  fault: SignatureFault = 'valid',
): Record<string, string> {
  if (options === undefined || fault === 'missing') return {};
  const signatureHeader = options.signatureHeader ?? DEFAULT_SIGNATURE_HEADER;
  const signature =
    fault === 'invalid'
      ? signatureOf({ ...options, secret: `${options.secret}-wrong` }, rawBody, timestampSeconds)
      : signatureOf(options, rawBody, timestampSeconds);
  const headers: Record<string, string> = { [signatureHeader]: signature };
  if ((options.scheme ?? 'timestamped') === 'timestamped') {
    headers[options.timestampHeader ?? DEFAULT_TIMESTAMP_HEADER] = String(timestampSeconds);
  }
  return headers;
}

/**
 * Checks a signature the way a receiver should (constant-time compare, bounded clock skew).
 * Exported so tests of receivers can compare their verdicts with the simulator's.
 */
export function verifySignature(
  options: SigningOptions,
  rawBody: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const given = lower[(options.signatureHeader ?? DEFAULT_SIGNATURE_HEADER).toLowerCase()];
  if (given === undefined) return false;
  let timestamp = 0;
  if ((options.scheme ?? 'timestamped') === 'timestamped') {
    timestamp = Number(lower[(options.timestampHeader ?? DEFAULT_TIMESTAMP_HEADER).toLowerCase()]);
    if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds)
      return false;
  }
  const expected = Buffer.from(signatureOf(options, rawBody, timestamp));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
