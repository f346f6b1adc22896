/**
 * The HTTP status JSON-2 would answer for an exception JSON-RPC reports in a 200 body, so both
 * protocols classify alike. Odoo's UserError family carries these statuses on JSON-2; database
 * conflicts that outlived Odoo's own retries are worth another try later; anything else is a
 * server error (500: transient, the DLQ catches it after the last retry).
 */
const STATUS_BY_ERROR_NAME: Readonly<Record<string, number>> = {
  'odoo.exceptions.AccessDenied': 401,
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.MissingError': 404,
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'odoo.exceptions.RedirectWarning': 422,
  'odoo.exceptions.LockError': 409,
  'odoo.exceptions.ConcurrencyError': 409,
  'psycopg2.errors.SerializationFailure': 409,
  'psycopg2.errors.LockNotAvailable': 409,
  'psycopg2.errors.DeadlockDetected': 409,
  'odoo.http.SessionExpiredException': 401,
};

export function jsonRpcErrorStatus(errorName: string): number {
  return STATUS_BY_ERROR_NAME[errorName] ?? 500;
}
