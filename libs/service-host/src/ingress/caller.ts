import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/** The caller the ingress guard let in, per request (gone with the request). */
const callers = new WeakMap<IncomingMessage, string>();

export function rememberCaller(request: IncomingMessage, caller: string): void {
  callers.set(request, caller);
}

/** The authenticated caller of a request, or undefined before (or without) the ingress guard. */
export function callerOf(request: IncomingMessage): string | undefined {
  return callers.get(request);
}

/**
 * A handler parameter holding the request's authenticated caller (`sub` of its token), for the
 * `ferry-caller` header of the events it publishes.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  callerOf(context.switchToHttp().getRequest<IncomingMessage>()),
);
