import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@ferry/observability';

/** The service's one Logger (Ferry's JSON lines), injected wherever a Nest provider logs. */
export const LOGGER = Symbol('FerryLogger');

/**
 * Nest's own messages (module start, route mapping, an unhandled error) in Ferry's log format:
 * one JSON object per line, the same fields, so that a service writes one format only.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: unknown): void {
    this.logger.info(text(message), fields(context));
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const [stack, context] = rest.length >= 2 ? rest : [undefined, rest[0]];
    this.logger.error(text(message), {
      ...fields(context),
      ...(typeof stack === 'string' ? { stack } : {}),
      ...(message instanceof Error ? { error: message } : {}),
    });
  }

  warn(message: unknown, context?: unknown): void {
    this.logger.warn(text(message), fields(context));
  }

  debug(message: unknown, context?: unknown): void {
    this.logger.debug(text(message), fields(context));
  }

  verbose(message: unknown, context?: unknown): void {
    this.logger.debug(text(message), fields(context));
  }

  fatal(message: unknown, context?: unknown): void {
    this.logger.error(text(message), fields(context));
  }
}

function text(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  // undefined for what JSON cannot say (a function, undefined itself).
  const json = JSON.stringify(message) as string | undefined;
  return json ?? String(message);
}

function fields(context: unknown): Record<string, string> {
  return typeof context === 'string' && context !== '' ? { nestContext: context } : {};
}
