import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@ferry/observability';
import type { Request, Response } from 'express';
import { callerOf } from './ingress/caller';
import { failureAnswer } from './failure-answers';

/**
 * Turns whatever a request handler threw into a JSON answer (see `failureAnswer`), with
 * Retry-After where trying again later can help. Body parser refusals reach it as HTTP errors
 * already (see body-parsers). A log line names the request's authenticated caller, if any.
 */
@Catch()
export class ErrorResponses implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const caller = callerOf(host.switchToHttp().getRequest<Request>());
    const { status, body, retryAfterSeconds, log } = failureAnswer(error);
    const fields = {
      status,
      ...(caller === undefined ? {} : { caller }),
      ...(log?.fields ?? { error }),
    };
    if (log?.level === 'warn') this.logger.warn(log.message, fields);
    if (log?.level === 'error') this.logger.error(log.message, fields);
    if (retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(status).json(body);
  }
}
