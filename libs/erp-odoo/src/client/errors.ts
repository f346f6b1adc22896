import { failureKindOfHttpStatus, FerryError } from '@ferry/failures';

/**
 * Errors the Odoo client throws, each with its kind and `cause`: unreachable `unavailable`; an
 * HTTP answer by its `status` (408/409/425/5xx transient, 429/502/503/504 unavailable, other 4xx
 * permanent); an answer that is not what the API promises transient; bad data permanent.
 */
export class OdooError extends FerryError {}

/**
 * Odoo could not be reached, or did not answer in time: `code` is the socket error
 * (ECONNREFUSED, ECONNRESET, ...), or ETIMEDOUT when our request timeout fired.
 */
export class OdooUnreachableError extends OdooError {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, 'unavailable', options);
  }
}

/** Odoo (or a proxy in front of it) answered with an HTTP error that is not an Odoo error body. */
export class OdooHttpError extends OdooError {
  constructor(
    message: string,
    readonly status: number,
    /** From `Retry-After` (429, 503): wait at least this long before calling Odoo again. */
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, failureKindOfHttpStatus(status), options);
  }
}

/**
 * Odoo raised an exception: `odooErrorName` is its Python class (odoo.exceptions.AccessError,
 * ...). JSON-2 answers with a real status; JSON-RPC always answers 200, so `status` is the one
 * JSON-2 would have used for that exception (see jsonRpcErrorStatus).
 */
export class OdooServerError extends OdooHttpError {
  constructor(
    readonly odooErrorName: string,
    readonly odooMessage: string,
    status: number,
    retryAfterMs?: number,
  ) {
    super(`Odoo ${odooErrorName} (${status}): ${odooMessage}`, status, retryAfterMs);
  }
}

/** Wrong login, password or API key: permanent until someone fixes the configuration. */
export class OdooAuthenticationError extends OdooServerError {}

/** A 2xx answer that is not what the API promises (not JSON, wrong shape): likely a proxy page. */
export class OdooProtocolError extends OdooError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'transient', options);
  }
}

/** An Odoo answer that is well-formed but not the data we need (missing fields, bad values). */
export class OdooDataError extends OdooError {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.join('; ')}` : message, 'permanent');
  }
}
