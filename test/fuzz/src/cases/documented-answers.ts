import type { DocumentedAnswer, Endpoint, FuzzCase, OrderStep, Signing } from './fuzz-case';
import { isNonJsonContentType } from './hostile-values';
import { isUnparsable } from './malformed-json';

/**
 * The refusals each endpoint documents (docs/adapters.md, and the service host's answers to a
 * body it cannot read). A 4xx with any other `error` is off contract.
 */
const BODY_REFUSALS = ['malformed_json', 'body_too_large', 'unsupported_encoding'];

export const DocumentedRefusals: Readonly<Record<Endpoint, readonly string[]>> = {
  'inventory-single': [...BODY_REFUSALS, 'invalid_snapshot'],
  'inventory-batch': [...BODY_REFUSALS, 'invalid_snapshot'],
  'goods-receipts': [...BODY_REFUSALS, 'invalid_goods_receipt'],
  'shipment-status': [...BODY_REFUSALS, 'invalid_shipment_update'],
  orders: [
    ...BODY_REFUSALS,
    'invalid_order',
    'idempotency_key_required',
    'invalid_idempotency_key',
    'idempotency_key_reused',
    'request_in_progress',
    'order_exists',
  ],
  'odoo-webhook': [
    ...BODY_REFUSALS,
    'unsupported_media_type',
    'unsigned',
    'bad_signature',
    'stale',
    'malformed_signature',
    'invalid_webhook',
    'unknown_model',
    'not_owner',
  ],
};

/** The success statuses each endpoint documents: 202, and 200 for a webhook already taken. */
export function isDocumentedSuccess(endpoint: Endpoint, status: number): boolean {
  return status === 202 || (endpoint === 'odoo-webhook' && status === 200);
}

const SigningVerdicts: Readonly<Record<Exclude<Signing, 'valid'>, DocumentedAnswer>> = {
  none: { status: 401, error: 'unsigned' },
  'signature-only': { status: 401, error: 'unsigned' },
  'wrong-secret': { status: 401, error: 'bad_signature' },
  stale: { status: 401, error: 'stale' },
  'malformed-header': { status: 400, error: 'malformed_signature' },
};

/** Idempotency-Key: 1 to 255 visible ASCII characters (Node trims the blanks around a value). */
function keyAnswer(key: string | null | undefined): DocumentedAnswer | undefined {
  if (key === undefined) return undefined;
  if (key === null || key.trim() === '') return { status: 400, error: 'idempotency_key_required' };
  return /^[\x21-\x7e]{1,255}$/.test(key)
    ? undefined
    : { status: 400, error: 'invalid_idempotency_key' };
}

/**
 * The answer the documentation fixes for the first request of a case, when it fixes one. The
 * order the checks run in is part of it: the body cap first (413, before anything is read),
 * then the content type and charset, then a webhook's signature (before the body is parsed),
 * then the JSON, then an order's Idempotency-Key.
 */
export function documentedAnswer(fuzzCase: FuzzCase): DocumentedAnswer | undefined {
  const { generator, endpoint, bodyForm, contentType } = fuzzCase;
  if (generator === 'oversized-body') return { status: 413, error: 'body_too_large' };
  if (contentType !== null && /charset=latin1/i.test(contentType))
    return { status: 415, error: 'unsupported_encoding' };
  if (endpoint === 'odoo-webhook' && isNonJsonContentType(contentType))
    return { status: 415, error: 'unsupported_media_type' };
  if (fuzzCase.signing !== undefined && fuzzCase.signing !== 'valid')
    return SigningVerdicts[fuzzCase.signing];
  if (bodyForm.kind === 'malformed' && isUnparsable(bodyForm.how))
    return { status: 400, error: 'malformed_json' };
  if (generator === 'hostile-idempotency-key') return keyAnswer(fuzzCase.idempotencyKey);
  return undefined;
}

/** What a later order request must get, given the first request's answer. */
export function followUpAnswer(
  step: OrderStep,
  first: { readonly status: number | null; readonly error?: string | undefined },
): DocumentedAnswer | undefined {
  if (first.status === 202) {
    switch (step) {
      case 'retry-same-key':
      case 'new-key-same-order':
        return { status: 202 };
      case 'same-key-other-body':
        return { status: 422, error: 'idempotency_key_reused' };
      case 'new-key-other-body':
        return { status: 409, error: 'order_exists' };
    }
  }
  // An invalid body stays invalid however often and under whatever key it is sent.
  const sameBody = step === 'retry-same-key' || step === 'new-key-same-order';
  if (sameBody && first.status === 400 && first.error === 'invalid_order')
    return { status: 400, error: 'invalid_order' };
  return undefined;
}
