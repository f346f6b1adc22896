import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { MessagingAttributes } from './messaging-attributes';

/** Marks a span as failed by `error`: status, `error.type` (the class name) and the exception. */
export function markFailed(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.name : typeof error;
  span.setAttribute(MessagingAttributes.errorType, type);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  if (error instanceof Error) span.recordException(error);
}

/** Runs `work` with `span` ended when it settles, and marked failed when it throws. */
export async function endingWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error: unknown) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}
