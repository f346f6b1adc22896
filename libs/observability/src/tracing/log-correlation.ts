import { trace } from '@opentelemetry/api';
import { currentLogFields, type LogFields } from '../log-context';

/**
 * What ties a log line to its trace and its event: `trace_id` and `span_id` of the active span
 * (the field names of the OpenTelemetry log data model), and the fields of the work under way
 * (`event_id` while an event is applied). Empty outside any.
 */
export function logCorrelation(): LogFields {
  const span = trace.getActiveSpan()?.spanContext();
  const work = currentLogFields();
  if (span === undefined || !trace.isSpanContextValid(span)) return work ?? {};
  return { trace_id: span.traceId, span_id: span.spanId, ...work };
}
