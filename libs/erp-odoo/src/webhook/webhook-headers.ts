/** Headers of a signed webhook delivery, in one place. HTTP header names are case-insensitive. */
export const FerryWebhookHeaders = {
  /** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` */
  signature: 'X-Ferry-Signature',
  /** Unix seconds at which the sender signed the delivery. */
  timestamp: 'X-Ferry-Timestamp',
} as const;

/** Request headers as Node (IncomingHttpHeaders) or a plain record gives them. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The one value of header `name`, looked up case-insensitively; `undefined` when absent and
 * `null` when it is repeated (a repeated signature header is never guessed between).
 */
export function singleHeader(headers: WebhookHeaders, name: string): string | null | undefined {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  if (values.length === 0) return undefined;
  return values.length === 1 ? (values[0] ?? null) : null;
}
