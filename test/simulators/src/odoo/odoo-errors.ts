/**
 * Odoo's exceptions as the RPC layers report them. `name` is the fully qualified Python class
 * name Odoo puts in `error.data.name` (JSON-RPC) or `name` (JSON-2); `httpStatus` is what the
 * JSON-2 endpoint answers with.
 */
export class OdooError extends Error {
  constructor(
    readonly odooName: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

export const userError = (message: string): OdooError =>
  new OdooError('odoo.exceptions.UserError', message, 422);

export const validationError = (message: string): OdooError =>
  new OdooError('odoo.exceptions.ValidationError', message, 422);

export const accessError = (message: string): OdooError =>
  new OdooError('odoo.exceptions.AccessError', message, 403);

export const accessDenied = (): OdooError =>
  new OdooError('odoo.exceptions.AccessDenied', 'Access Denied', 403);

export const missingError = (model: string, ids: readonly number[]): OdooError =>
  new OdooError(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: 2)`,
    404,
  );

/** Python ValueError, e.g. an unknown field in a domain. JSON-2 reports it as a server error. */
export const valueError = (message: string): OdooError =>
  new OdooError('builtins.ValueError', message, 500);

/** Python TypeError from binding arguments; JSON-2 turns it into 422. */
export const typeError = (message: string): OdooError =>
  new OdooError('builtins.TypeError', message, 422);

export const notFound = (message: string): OdooError =>
  new OdooError('werkzeug.exceptions.NotFound', message, 404);

/** The error object Odoo serializes (`odoo.http.serialize_exception`). */
export function serializeOdooError(error: unknown): {
  readonly name: string;
  readonly message: string;
  readonly arguments: readonly unknown[];
  readonly context: Record<string, never>;
  readonly debug: string;
} {
  const odoo =
    error instanceof OdooError
      ? error
      : new OdooError(
          'builtins.Exception',
          error instanceof Error ? error.message : String(error),
          500,
        );
  return {
    name: odoo.odooName,
    message: odoo.message,
    arguments: [odoo.message],
    context: {},
    debug: `Traceback (most recent call last):\n  (simulated)\n${odoo.odooName}: ${odoo.message}\n`,
  };
}
