import { FerryError, SOCKET_ERROR_CODES } from '@ferry/failures';

/**
 * Postgres could not be reached, or stopped answering: the connection was refused, lost or timed
 * out. Nothing of the work is known to have happened (a lost COMMIT is the one ambiguity, and the
 * event-id rows make its redelivery harmless). Whoever gets it holds and tries again later.
 */
export class DatabaseUnavailableError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unavailable', options);
  }
}

/**
 * What pg says when a connection is gone or never came (these errors carry no SQLSTATE): a
 * socket closed under a query, the client's read timeout, the pool's or the client's connect
 * timeout, a client that already lost its connection.
 */
const CONNECTION_LOST = [
  /^Connection terminated/,
  /^Query read timeout$/,
  /^timeout expired$/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
];

/** SQLSTATEs of a server that is shutting down or starting: the connection is gone with it. */
const SERVER_GOING_AWAY: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03']);

/** Whether `error` says the connection to Postgres failed (rather than the statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined)
    return SOCKET_ERROR_CODES.has(code) || code.startsWith('08') || SERVER_GOING_AWAY.has(code);
  return CONNECTION_LOST.some((pattern) => pattern.test(error.message));
}

/** `error` as Ferry reports it: a connection failure becomes DatabaseUnavailableError. */
export function asDatabaseFailure(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionFailure(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseUnavailableError(`Postgres unavailable: ${reason}`, { cause: error });
}
