import { SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { endingWith } from './span-outcome';

/**
 * Runs one call to another system in a CLIENT span named after the operation (an Odoo model
 * method, say); the HTTP request it makes (instrumented by undici or http) becomes its child.
 * Spans are only made inside a trace: a call outside any (a start-up check) is not traced.
 */
export function inClientSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (trace.getActiveSpan() === undefined) return work();
  const tracer = trace.getTracer('@ferry/observability');
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, (span) =>
    endingWith(span, work),
  );
}
