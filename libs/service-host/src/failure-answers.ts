import { HttpException } from '@nestjs/common';
import { ContractViolation } from '@ferry/contracts';
import { classifyFailure } from '@ferry/failures';
import { OwnershipViolation } from '@ferry/kafka-runtime';

export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly problems?: readonly string[];
}

/** What a request that failed is answered, and how the service logs it. */
export interface FailureAnswer {
  readonly status: number;
  readonly body: ErrorBody;
  readonly retryAfterSeconds?: number;
  /** A client's mistake or a downstream outage is a warning; a failure of Ferry's own an error. */
  readonly log?: {
    readonly level: 'warn' | 'error';
    readonly message: string;
    /** What the log line says instead of the whole error, where that is enough. */
    readonly fields?: Readonly<Record<string, string>>;
  };
}

/** How long a client waits before retrying a request that met an unavailable downstream. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Pure: the answer to whatever a request handler threw. The handler's own HTTP errors as they
 * are; a change of an entity the sender does not own 403; an event the contract refuses (a safety
 * net: endpoints check their events before publishing and answer their own 400) 422; then the one
 * failure classifier decides: a downstream that is unavailable or failed transiently (Postgres,
 * Kafka, the registry) 503 with Retry-After, since the same request may pass later; a permanent
 * or programmer failure 500, without internals.
 */
export function failureAnswer(error: unknown): FailureAnswer {
  if (error instanceof HttpException) return httpAnswer(error);
  if (error instanceof OwnershipViolation) {
    return {
      status: 403,
      body: { error: 'not_owner', message: error.message },
      log: {
        level: 'warn',
        message: 'change refused: sender does not own the entity',
        fields: { system: error.system, entity: error.entity },
      },
    };
  }
  if (error instanceof ContractViolation) {
    return {
      status: 422,
      body: { error: 'invalid_event', message: error.message, problems: error.problems },
      log: { level: 'warn', message: 'request refused: its event breaks the contract' },
    };
  }
  const kind = classifyFailure(error);
  if (kind === 'transient' || kind === 'unavailable') {
    return {
      status: 503,
      body: {
        error: 'unavailable',
        message: 'A service Ferry depends on did not answer; send the request again later',
      },
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      log: { level: 'warn', message: `request failed: a downstream is ${kind}` },
    };
  }
  return {
    status: 500,
    body: { error: 'internal', message: 'Internal error; see the service log' },
    log: { level: 'error', message: `request failed (${kind})` },
  };
}

function httpAnswer(error: HttpException): FailureAnswer {
  const answer = error.getResponse();
  const body: ErrorBody =
    typeof answer === 'object' && 'error' in answer && 'message' in answer
      ? (answer as ErrorBody)
      : { error: snakeCase(error.name.replace(/Exception$/, '')), message: error.message };
  return { status: error.getStatus(), body };
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() || 'http_error';
}
