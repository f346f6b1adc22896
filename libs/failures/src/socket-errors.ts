/**
 * Node's socket error codes that mean the peer could not be reached or went away (connection
 * refused or reset, timeout, no route, no such host). Error classification treats them as
 * "the downstream is unavailable", wherever the error came from.
 */
export const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

const SOCKET_ERROR_IN_TEXT = new RegExp(
  `\\b(${[...SOCKET_ERROR_CODES].join('|')})\\b|socket hang up`,
);

/** Whether a message names a socket error: for clients that pass only the text along. */
export function mentionsSocketError(text: string): boolean {
  return SOCKET_ERROR_IN_TEXT.test(text);
}
