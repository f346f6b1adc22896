import {
  declaredFailureKind,
  failureKindOfHttpStatus,
  SOCKET_ERROR_CODES,
  type FailureKind,
} from '@ferry/observability';
import { FerryRuntimeError } from '../errors';

/**
 * What a failure means for the event that met it (the kinds are defined in @ferry/observability):
 * - `transient`: this event may succeed later (a lock, a serialization conflict, a 408/409/5xx
 *   answer): it goes to the next retry topic.
 * - `unavailable`: the downstream system cannot be reached, or will not take work now (502/503/
 *   504, 429 rate limited): nothing is gained by moving events around, so the consumer backs off
 *   (at least as long as a `Retry-After` asked) and the circuit breaker counts it; no attempt is
 *   used.
 * - `permanent`: bad data or a business rejection: straight to the dead-letter topic.
 * - `programmer`: a bug (TypeError, RangeError, ...): never retried, dead-lettered with its kind.
 */
export type { FailureKind };

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

/**
 * The kind of a failure: the kind it declares itself (`failureKind`), else looked up in the tables
 * above; unknown failures count as transient.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'transient';
  const declared = declaredFailureKind(error);
  if (declared !== undefined) return declared;
  if (error instanceof FerryRuntimeError) {
    return error.retriable
      ? error.name === 'SchemaRegistryUnavailableError'
        ? 'unavailable'
        : 'transient'
      : 'permanent';
  }
  const code = codeOf(error);
  if (code !== undefined) {
    if (SOCKET_ERROR_CODES.has(code)) return 'unavailable';
    const postgres = POSTGRES_CODES[code] ?? POSTGRES_CLASSES[code.slice(0, 2)];
    if (postgres && /^[0-9A-Z]{5}$/.test(code)) return postgres;
  }
  const status = httpStatusOf(error);
  if (status !== undefined) return failureKindOfHttpStatus(status);
  if ('retriable' in error && typeof error.retriable === 'boolean')
    return error.retriable ? 'transient' : 'permanent';
  if (PROGRAMMER_ERRORS.some((type) => error instanceof type)) return 'programmer';
  if ('cause' in error && error.cause !== undefined && error.cause !== error)
    return classifyFailure(error.cause);
  return 'transient';
}
