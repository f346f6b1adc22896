import { createHmac } from 'node:crypto';
import { DEFAULT_SIGNATURE_HEADER, DEFAULT_TIMESTAMP_HEADER } from '@ferry/simulators';
import type { Signing } from '../cases/fuzz-case';

/** Signed an hour ago: past the adapter's 300 s window. */
const STALE_MS = 3_600_000;

/**
 * The documented scheme (docs/adapters.md), computed here rather than borrowed from the adapter:
 * `sha256=` and the hex HMAC-SHA256 over "<unix seconds>.<raw body>", over the exact bytes sent
 * (invalid UTF-8 included).
 */
function signed(secret: string, body: Buffer, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return {
    [DEFAULT_TIMESTAMP_HEADER]: String(timestamp),
    [DEFAULT_SIGNATURE_HEADER]: `sha256=${mac}`,
  };
}

/** Pure (the clock is `nowMs`): the headers of a delivery signed the way `signing` says. */
export function webhookSigningHeaders(
  signing: Signing,
  secret: string,
  body: Buffer,
  nowMs: number,
): Record<string, string> {
  const valid = signed(secret, body, nowMs);
  switch (signing) {
    case 'valid':
      return valid;
    case 'none':
      return {};
    case 'signature-only':
      return { [DEFAULT_SIGNATURE_HEADER]: valid[DEFAULT_SIGNATURE_HEADER] ?? '' };
    case 'wrong-secret':
      return signed(`${secret}-not-ours`, body, nowMs);
    case 'stale':
      return signed(secret, body, nowMs - STALE_MS);
    case 'malformed-header':
      // The HMAC without its `sha256=` prefix.
      return {
        ...valid,
        [DEFAULT_SIGNATURE_HEADER]: (valid[DEFAULT_SIGNATURE_HEADER] ?? '').slice('sha256='.length),
      };
  }
}
