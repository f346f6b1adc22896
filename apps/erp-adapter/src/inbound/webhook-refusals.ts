import { HttpException } from '@nestjs/common';
import {
  ChangeRejectionStatus,
  WebhookVerdictStatus,
  type ChangeRejection,
  type WebhookVerdict,
} from '@ferry/erp-odoo';

/** The JSON error answer of a refused delivery. */
export interface WebhookRefusal {
  readonly status: number;
  readonly error: string;
  readonly message: string;
  readonly problems?: readonly string[];
}

/** A refusal of a signed body that is not JSON, with the outcome it is counted under. */
export interface BodyRefusal extends WebhookRefusal {
  readonly outcome: 'unsupported-media-type' | 'unsupported-encoding' | 'malformed-json';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Pure: the answer to a signed delivery whose body is not the JSON Odoo sends, or undefined when
 * it is. Asked only after the signature passed, so an unsigned body is a 401 whatever it holds.
 * JSON is UTF-8 text (RFC 8259): bytes that are not are malformed too, never read with
 * replacement characters.
 */
export function bodyRefusal(
  contentType: string | undefined,
  rawBody: Buffer,
): BodyRefusal | undefined {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json')
    return {
      outcome: 'unsupported-media-type',
      status: 415,
      error: 'unsupported_media_type',
      message: 'Send the webhook as application/json',
    };
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  // As every other route of Ferry answers (the JSON body parser): JSON travels as UTF-8 only.
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return {
      outcome: 'unsupported-encoding',
      status: 415,
      error: 'unsupported_encoding',
      message: `Send the webhook as UTF-8, not ${charset}`,
    };
  try {
    JSON.parse(utf8.decode(rawBody));
    return undefined;
  } catch {
    return {
      outcome: 'malformed-json',
      status: 400,
      error: 'malformed_json',
      message: 'The webhook body is not JSON',
    };
  }
}

/** Pure: the answer to a delivery whose signature check did not pass. */
export function verdictRefusal(verdict: Exclude<WebhookVerdict, { kind: 'ok' }>): WebhookRefusal {
  const status = WebhookVerdictStatus[verdict.kind];
  switch (verdict.kind) {
    case 'unsigned':
      return {
        status,
        error: 'unsigned',
        message: `The delivery has no ${verdict.missing} header`,
      };
    case 'bad-signature':
      return {
        status,
        error: 'bad_signature',
        message: 'The signature matches none of the active webhook secrets',
      };
    case 'stale':
      return {
        status,
        error: 'stale',
        message: `The delivery was signed ${verdict.skewSeconds} s away from our clock`,
      };
    case 'malformed':
      return { status, error: 'malformed_signature', message: verdict.reason };
  }
}

/**
 * Pure: the answer to a verified body that names no change Ferry takes. `not-owner` is not here:
 * it goes through the ownership guard, which counts it and answers 403 `not_owner`.
 */
export function rejectionRefusal(
  rejection: Exclude<ChangeRejection, { kind: 'not-owner' }>,
): WebhookRefusal {
  const status = ChangeRejectionStatus[rejection.kind];
  if (rejection.kind === 'invalid')
    return {
      status,
      error: 'invalid_webhook',
      message: `Invalid Odoo webhook: ${rejection.problems.join('; ')}`,
      problems: rejection.problems,
    };
  return {
    status,
    error: 'unknown_model',
    message: `Ferry carries no changes of Odoo model ${rejection.model}; check the automation rule`,
  };
}

export function refusalException(refusal: WebhookRefusal): HttpException {
  const { status, error, message, problems } = refusal;
  return new HttpException(
    { error, message, ...(problems === undefined ? {} : { problems }) },
    status,
  );
}
