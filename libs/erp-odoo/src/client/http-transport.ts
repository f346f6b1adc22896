import { SOCKET_ERROR_CODES } from '@ferry/failures';
import {
  OdooAuthenticationError,
  OdooHttpError,
  OdooProtocolError,
  OdooServerError,
  OdooUnreachableError,
} from './errors';
import { parseRetryAfter } from './retry-after';

/** The `fetch` the client uses; tests and the app may pass their own (e.g. with a proxy agent). */
export type FetchFunction = typeof fetch;

export interface JsonPost {
  readonly url: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** undici's own codes, translated to the socket code they amount to. */
const UNDICI_CODES: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
};

function socketCodeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  if ('name' in error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'ETIMEDOUT';
  if ('code' in error && typeof error.code === 'string') {
    // Passed through as they are; the runtime classifies them as `unavailable`.
    if (SOCKET_ERROR_CODES.has(error.code)) return error.code;
    const translated = UNDICI_CODES[error.code];
    if (translated) return translated;
  }
  return 'cause' in error ? socketCodeOf(error.cause, depth + 1) : undefined;
}

/**
 * `fetch` fails with a TypeError("fetch failed") whose cause holds the socket error. The runtime
 * would take a bare TypeError for a bug, so every network failure becomes an
 * OdooUnreachableError with the socket code (ECONNRESET when none can be found).
 */
function unreachable(url: string, error: unknown): OdooUnreachableError {
  const code = socketCodeOf(error) ?? 'ECONNRESET';
  const what = code === 'ETIMEDOUT' ? 'did not answer in time' : `is unreachable (${code})`;
  return new OdooUnreachableError(`Odoo at ${new URL(url).origin} ${what}`, code, {
    cause: error,
  });
}

/** A JSON-2 error body: `{ name, message, arguments, context, debug }`. */
function odooErrorOf(body: unknown): { name: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { name, message } = body as { name?: unknown; message?: unknown };
  if (typeof name !== 'string') return undefined;
  return { name, message: typeof message === 'string' ? message : '' };
}

/**
 * POSTs JSON and returns the parsed JSON answer of a 2xx response. Network failures and timeouts
 * (the whole exchange, body included, is bounded by `timeoutMs`) throw OdooUnreachableError;
 * HTTP errors throw OdooServerError when the body is an Odoo error, else OdooHttpError.
 */
export async function postJson(
  request: JsonPost,
  fetchFunction: FetchFunction,
  nowMs: () => number,
): Promise<unknown> {
  let status: number;
  let retryAfter: string | null;
  let text: string;
  try {
    const response = await fetchFunction(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...request.headers },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error: unknown) {
    throw unreachable(request.url, error);
  }
  let body: unknown;
  let parsed = false;
  try {
    body = JSON.parse(text);
    parsed = true;
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300) {
    if (!parsed)
      throw new OdooProtocolError(`Odoo answered ${status} with a body that is not JSON`);
    return body;
  }
  const retryAfterMs = parseRetryAfter(retryAfter, nowMs());
  const odooError = odooErrorOf(body);
  if (odooError) {
    const ErrorType = status === 401 ? OdooAuthenticationError : OdooServerError;
    throw new ErrorType(odooError.name, odooError.message, status, retryAfterMs);
  }
  throw new OdooHttpError(
    `Odoo answered HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    status,
    retryAfterMs,
  );
}
