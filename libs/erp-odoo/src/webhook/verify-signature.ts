import { createHmac, timingSafeEqual } from 'node:crypto';
import { FerryWebhookHeaders, singleHeader, type WebhookHeaders } from './webhook-headers';

/** Largest webhook body the app should read before verifying it (the app enforces it). */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 256 * 1024;

/** How far the signed timestamp may be from our clock, either way. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * What verification concluded, and the HTTP status the receiving endpoint answers with:
 * - `ok` (202 once the notice is accepted): signed by one of the active secrets, in time.
 * - `unsigned` (401): the signature or timestamp header is missing.
 * - `bad-signature` (401): well-formed but signed by no active secret (or the body was altered).
 * - `stale` (401): authentic, but signed outside the tolerance window: a replay or a skewed
 *   clock. Checked after the signature, so a forged old request reads as `bad-signature`.
 * - `malformed` (400): a header is present but unreadable (not `sha256=<64 hex>`, not unix
 *   seconds, or repeated).
 */
export type WebhookVerdict =
  | { readonly kind: 'ok'; readonly timestamp: number; readonly secretIndex: number }
  | { readonly kind: 'unsigned'; readonly missing: string }
  | { readonly kind: 'bad-signature' }
  | { readonly kind: 'stale'; readonly timestamp: number; readonly skewSeconds: number }
  | { readonly kind: 'malformed'; readonly reason: string };

export type WebhookVerdictKind = WebhookVerdict['kind'];

export const WebhookVerdictStatus: Readonly<Record<WebhookVerdictKind, number>> = {
  ok: 202,
  unsigned: 401,
  'bad-signature': 401,
  stale: 401,
  malformed: 400,
};

export interface WebhookSignaturePolicy {
  /**
   * Every secret currently accepted, newest first. Rotation: add the new secret, switch the
   * sender to it, then drop the old one; deliveries signed with either verify meanwhile.
   */
  readonly secrets: readonly string[];
  readonly toleranceSeconds?: number;
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const UNIX_SECONDS = /^\d{1,12}$/;

export function signaturePolicyProblems(policy: WebhookSignaturePolicy): string[] {
  const problems: string[] = [];
  if (policy.secrets.length === 0) problems.push('at least one webhook secret is required');
  if (policy.secrets.some((secret) => secret.length < 16))
    problems.push('webhook secrets must be at least 16 characters');
  const tolerance = policy.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!(Number.isInteger(tolerance) && tolerance > 0))
    problems.push(`tolerance ${tolerance}s is not a positive integer`);
  return problems;
}

/** `sha256=<hex>` over `<timestamp>.<raw body>`: what a sender puts in X-Ferry-Signature. */
export function webhookSignature(secret: string, timestamp: number, rawBody: Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

/** The headers a sender (a signing proxy, the Odoo module, a simulator) adds to a delivery. */
export function signedWebhookHeaders(
  secret: string,
  rawBody: Buffer,
  nowMs: number,
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    [FerryWebhookHeaders.timestamp]: String(timestamp),
    [FerryWebhookHeaders.signature]: webhookSignature(secret, timestamp, rawBody),
  };
}

/**
 * Checks a delivery against every active secret. `rawBody` must be the bytes as received, before
 * any JSON parsing. Pure: the clock is `nowMs`.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  headers: WebhookHeaders,
  nowMs: number,
  policy: WebhookSignaturePolicy,
): WebhookVerdict {
  const problems = signaturePolicyProblems(policy);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const signatureHeader = singleHeader(headers, FerryWebhookHeaders.signature);
  const timestampHeader = singleHeader(headers, FerryWebhookHeaders.timestamp);
  if (signatureHeader === undefined)
    return { kind: 'unsigned', missing: FerryWebhookHeaders.signature };
  if (timestampHeader === undefined)
    return { kind: 'unsigned', missing: FerryWebhookHeaders.timestamp };
  if (signatureHeader === null || timestampHeader === null)
    return { kind: 'malformed', reason: 'a signature header is repeated' };
  const signature = SIGNATURE.exec(signatureHeader.trim());
  if (!signature?.[1])
    return { kind: 'malformed', reason: `${FerryWebhookHeaders.signature} is not sha256=<hex>` };
  if (!UNIX_SECONDS.test(timestampHeader.trim()))
    return { kind: 'malformed', reason: `${FerryWebhookHeaders.timestamp} is not unix seconds` };
  const timestamp = Number(timestampHeader.trim());
  const given = Buffer.from(signature[1], 'hex');
  const secretIndex = policy.secrets.findIndex((secret) => {
    const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody).slice(7), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (secretIndex < 0) return { kind: 'bad-signature' };
  const skewSeconds = Math.round(nowMs / 1000) - timestamp;
  const tolerance = policy.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(skewSeconds) > tolerance) return { kind: 'stale', timestamp, skewSeconds };
  return { kind: 'ok', timestamp, secretIndex };
}
