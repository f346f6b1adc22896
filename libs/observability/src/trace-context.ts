import { TraceFlags, type SpanContext } from '@opentelemetry/api';

/** W3C Trace Context `traceparent`: version 00, 16-byte trace id, 8-byte parent span id, flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

export function isValidTraceparent(value: string | undefined): value is string {
  return spanContextOf(value) !== undefined;
}

/**
 * The remote span a `traceparent` names; undefined when the value is absent, malformed or names
 * the invalid (all-zero) trace or span. Kafka headers are read by hand rather than through the
 * global propagator: the header contract of Ferry's topics is W3C `traceparent` whatever
 * OTEL_PROPAGATORS says, and it must hold with the SDK disabled too.
 */
export function spanContextOf(value: string | undefined): SpanContext | undefined {
  const match = value === undefined ? null : TRACEPARENT.exec(value);
  if (match === null) return undefined;
  const [, traceId = '', spanId = '', flags = '00'] = match;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16), isRemote: true };
}

/** The `traceparent` of a span; undefined for the invalid span context of a no-op tracer. */
export function traceparentOf(span: SpanContext): string | undefined {
  if (ALL_ZEROS.test(span.traceId) || ALL_ZEROS.test(span.spanId)) return undefined;
  const flags = span.traceFlags & TraceFlags.SAMPLED ? '01' : '00';
  return `00-${span.traceId}-${span.spanId}-${flags}`;
}
