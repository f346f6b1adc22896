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
  const { status, ...body } = refusal;
  return new HttpException(body, status);
}
