import { FerryError } from './ferry-error';
import { failureKindOfHttpStatus, type FailureKind } from './failure-kind';

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

/**
 * Postgres SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
 * Checked code first, then class (first two characters).
 */
const POSTGRES_CODES: Readonly<Record<string, FailureKind>> = {
  '40001': 'transient', // serialization_failure
  '40P01': 'transient', // deadlock_detected
  '55P03': 'transient', // lock_not_available
  '57014': 'transient', // query_canceled (statement timeout)
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
};
const POSTGRES_CLASSES: Readonly<Record<string, FailureKind>> = {
  '08': 'unavailable', // connection exception
  '53': 'unavailable', // insufficient resources
  '22': 'permanent', // data exception
  '23': 'permanent', // integrity constraint violation
  '42': 'programmer', // syntax error or access rule violation: our SQL is wrong
};
const SQLSTATE = /^[0-9A-Z]{5}$/;

const PROGRAMMER_ERRORS: readonly (new (...args: never[]) => Error)[] = [
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
];

function codeOf(error: object): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function httpStatusOf(error: object): number | undefined {
  const status =
    'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** kafkajs' errors carry a `retriable` flag of their own: the one foreign protocol read here. */
function kafkaClientKindOf(error: object): FailureKind | undefined {
  if (!('retriable' in error) || typeof error.retriable !== 'boolean') return undefined;
  return error.retriable ? 'transient' : 'permanent';
}

/**
 * The kind of any failure. A FerryError says its own kind; a foreign error is looked up by what
 * it carries — a socket or Postgres `code`, an HTTP `status`, the Kafka client's `retriable` —
 * then by class (programmer errors), then through its `cause`. Unknown failures count as
 * transient: retried a bounded number of times, then dead-lettered, never lost.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'transient';
  if (error instanceof FerryError) return error.kind;
  const code = codeOf(error);
  if (code !== undefined) {
    if (SOCKET_ERROR_CODES.has(code)) return 'unavailable';
    const postgres = POSTGRES_CODES[code] ?? POSTGRES_CLASSES[code.slice(0, 2)];
    if (postgres && SQLSTATE.test(code)) return postgres;
  }
  const status = httpStatusOf(error);
  if (status !== undefined) return failureKindOfHttpStatus(status);
  const kafkaClientKind = kafkaClientKindOf(error);
  if (kafkaClientKind !== undefined) return kafkaClientKind;
  if (PROGRAMMER_ERRORS.some((type) => error instanceof type)) return 'programmer';
  if ('cause' in error && error.cause !== undefined && error.cause !== error)
    return classifyFailure(error.cause);
  return 'transient';
}
