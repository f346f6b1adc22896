import {
  declaredFailureKind,
  failureKindOfHttpStatus,
  measureDownstreamCall,
  type FailureKind,
} from '@ferry/observability';
import { OdooError, OdooHttpError, OdooUnreachableError } from './errors';
import type { OdooCall } from './odoo-client';

/**
 * The Odoo models and methods Ferry calls. A call outside them (a new mapping not listed yet) is
 * labelled `other`, so that the label set stays bounded whatever a caller passes.
 */
const ODOO_MODELS: ReadonlySet<string> = new Set([
  'account.move',
  'product.product',
  'purchase.order',
  'purchase.order.line',
  'res.currency',
  'res.partner',
  'sale.order',
  'stock.location',
  'stock.move',
  'stock.picking',
  'stock.picking.type',
  'stock.quant',
  'stock.warehouse',
]);
const ODOO_METHODS: ReadonlySet<string> = new Set([
  'action_apply_inventory',
  'action_confirm',
  'button_validate',
  'create',
  'read',
  'search_read',
  'write',
]);

/** Pure: the `operation` label of a call, `model.method` (e.g. `sale.order.create`) or `other`. */
export function odooOperation(call: Pick<OdooCall, 'model' | 'method'>): string {
  return ODOO_MODELS.has(call.model) && ODOO_METHODS.has(call.method)
    ? `${call.model}.${call.method}`
    : 'other';
}

const PROGRAMMER_ERRORS: readonly (new (...args: never[]) => Error)[] = [
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
];

/**
 * Pure: the kind of a failed Odoo call, as the consumer runtime's classifier reads the same error
 * (this library may not use the runtime): unreachable (always a socket code) `unavailable`, an HTTP
 * answer by its status, any other Odoo error by `retriable`, a bug `programmer`.
 */
export function odooFailureKind(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'transient';
  const declared = declaredFailureKind(error);
  if (declared !== undefined) return declared;
  if (error instanceof OdooUnreachableError) return 'unavailable';
  if (error instanceof OdooHttpError) return failureKindOfHttpStatus(error.status);
  if (error instanceof OdooError) return error.retriable ? 'transient' : 'permanent';
  if (PROGRAMMER_ERRORS.some((type) => error instanceof type)) return 'programmer';
  return 'transient';
}

/** One Odoo call, measured as `ferry_downstream_call_*{system="erp"}`. */
export function measuredOdooCall<T>(call: OdooCall, work: () => Promise<T>): Promise<T> {
  return measureDownstreamCall(
    { system: 'erp', operation: odooOperation(call), kindOf: odooFailureKind },
    work,
  );
}
