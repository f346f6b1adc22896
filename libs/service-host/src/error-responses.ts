import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { FerryRuntimeError, OwnershipViolation } from '@ferry/kafka-runtime';
import type { Logger } from '@ferry/observability';
import type { Response } from 'express';

export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly problems?: readonly string[];
}

/**
 * Turns whatever a request handler threw into a JSON answer: the handler's own HTTP errors as
 * they are, malformed or oversized bodies as 400/413, a transient failure downstream (Kafka,
 * registry) as 503 with Retry-After, anything else as 500 without internals.
 */
@Catch()
export class ErrorResponses implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body, retryAfterSeconds } = this.describe(error);
    if (retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(status).json(body);
  }

  private describe(error: unknown): {
    status: number;
    body: ErrorBody;
    retryAfterSeconds?: number;
  } {
    if (error instanceof HttpException) {
      const answer = error.getResponse();
      const body: ErrorBody =
        typeof answer === 'object' && 'error' in answer && 'message' in answer
          ? (answer as ErrorBody)
          : { error: snakeCase(error.name.replace(/Exception$/, '')), message: error.message };
      return { status: error.getStatus(), body };
    }
    const bodyParserType =
      typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
    if (bodyParserType === 'entity.too.large') {
      return {
        status: 413,
        body: {
          error: 'body_too_large',
          message: 'Request body is larger than this service accepts',
        },
      };
    }
    if (bodyParserType === 'entity.parse.failed') {
      return {
        status: 400,
        body: { error: 'malformed_json', message: 'Request body is not valid JSON' },
      };
    }
    if (bodyParserType.startsWith('encoding.') || bodyParserType === 'charset.unsupported') {
      return {
        status: 415,
        body: { error: 'unsupported_encoding', message: 'Request body encoding is not supported' },
      };
    }
    if (error instanceof OwnershipViolation) {
      this.logger.warn('change refused: sender does not own the entity', {
        system: error.system,
        entity: error.entity,
      });
      return { status: 403, body: { error: 'not_owner', message: error.message } };
    }
    if (error instanceof FerryRuntimeError && error.retriable) {
      this.logger.warn('request failed on a transient error', { error });
      return {
        status: 503,
        body: { error: 'unavailable', message: error.message },
        retryAfterSeconds: 5,
      };
    }
    this.logger.error('request failed', { error });
    return {
      status: 500,
      body: { error: 'internal', message: 'Internal error; see the service log' },
    };
  }
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() || 'http_error';
}
