import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Tracer,
} from '@opentelemetry/api';
import { withLogFields, withoutLogFields } from '../log-context';
import { spanContextOf, traceparentOf } from '../trace-context';
import { KAFKA, MessagingAttributes } from './messaging-attributes';
import { endingWith } from './span-outcome';

/**
 * At most this many producer contexts are linked from one process span: a slice may hold
 * thousands of events, and parsing a link per event would cost more than the slice's own work.
 * The SDK keeps 128 links per span by default (OTEL_SPAN_LINK_COUNT_LIMIT) anyway.
 */
export const MAX_PROCESS_LINKS = 128;

function tracer(): Tracer {
  return trace.getTracer('@ferry/kafka-runtime');
}

export interface SendSpan {
  readonly topic: string;
  /** Record keys (entity ids) of the send, in order. */
  readonly keys: readonly string[];
  /**
   * The caller's trace, for when no span is active (a caller outside any traced request, or
   * tracing switched off): the send continues it instead of starting a trace of its own.
   */
  readonly traceparent?: string | undefined;
}

/**
 * Runs one publish in a PRODUCER span `send <topic>` and hands `send` the `traceparent` every
 * record of the publish carries: the span's own context, which consumers link to. With tracing
 * off (no-op tracer) the caller's traceparent is passed through unchanged, or none is written.
 */
export function inSendSpan<T>(
  send: SendSpan,
  work: (traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  const parent = parentOf(send.traceparent);
  const attributes: Attributes = {
    [MessagingAttributes.system]: KAFKA,
    [MessagingAttributes.operationType]: 'send',
    [MessagingAttributes.operationName]: 'send',
    [MessagingAttributes.destinationName]: send.topic,
    [MessagingAttributes.batchMessageCount]: send.keys.length,
    ...(send.keys.length === 1 ? { [MessagingAttributes.kafkaMessageKey]: send.keys[0] } : {}),
  };
  const span = tracer().startSpan(
    `send ${send.topic}`,
    { kind: SpanKind.PRODUCER, attributes },
    parent,
  );
  const traceparent = traceparentOf(span.spanContext());
  return context.with(trace.setSpan(parent, span), () => endingWith(span, () => work(traceparent)));
}

/** The active context when a span is active in it; else the caller's trace, if it sent one. */
function parentOf(traceparent: string | undefined): Context {
  const active = context.active();
  if (trace.getSpan(active) !== undefined) return active;
  const remote = spanContextOf(traceparent);
  return remote === undefined ? active : trace.setSpanContext(active, remote);
}

export interface ProcessSpan {
  readonly topic: string;
  readonly partition: number;
  readonly consumerGroup: string;
  /** The `traceparent` header of each record processed (undefined where a record has none). */
  readonly traceparents: readonly (string | undefined)[];
  /** The event ids of the records processed, in the same order. */
  readonly eventIds: readonly string[];
}

/**
 * Runs the processing of a slice of records in a CONSUMER span `process <topic>`: the root of a
 * trace of its own (one slice applies events of many producers), LINKED to each record's
 * producer span, as the messaging conventions ask for batch processing. Everything `work` does
 * (the Postgres transaction's statements, a sink's HTTP calls) becomes its child. When the slice
 * holds one event, its id is in the span (`messaging.message.id`) and in every log line written
 * meanwhile (`event_id`).
 */
export function inProcessSpan<T>(process: ProcessSpan, work: () => Promise<T>): Promise<T> {
  const single = process.eventIds.length === 1 ? process.eventIds[0] : undefined;
  const attributes: Attributes = {
    [MessagingAttributes.system]: KAFKA,
    [MessagingAttributes.operationType]: 'process',
    [MessagingAttributes.operationName]: 'process',
    [MessagingAttributes.destinationName]: process.topic,
    [MessagingAttributes.partitionId]: String(process.partition),
    [MessagingAttributes.consumerGroup]: process.consumerGroup,
    ...(single === undefined
      ? { [MessagingAttributes.batchMessageCount]: process.eventIds.length }
      : { [MessagingAttributes.messageId]: single }),
  };
  const span = tracer().startSpan(`process ${process.topic}`, {
    kind: SpanKind.CONSUMER,
    root: true,
    attributes,
  });
  // The links are read from thousands of headers per slice: only for a span that is recorded.
  if (span.isRecording()) {
    const { links, dropped } = producerLinks(process.traceparents);
    span.addLinks(links);
    if (dropped > 0) span.setAttribute(MessagingAttributes.droppedLinks, dropped);
  }
  const traced = () =>
    context.with(trace.setSpan(context.active(), span), () => endingWith(span, work));
  return single === undefined ? traced() : withLogFields({ event_id: single }, traced);
}

/**
 * Runs `work` outside the current span and event: for background work a slice sets off (a sweep
 * for parked keys to release) that outlives it and is not part of it.
 */
export function detachedFromWork<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, () => withoutLogFields(work));
}

/** One link per distinct producer span (a publish of many records shares one), capped. */
function producerLinks(traceparents: readonly (string | undefined)[]): {
  links: Link[];
  dropped: number;
} {
  const seen = new Set<string>();
  const links: Link[] = [];
  let dropped = 0;
  for (const traceparent of traceparents) {
    if (traceparent === undefined || seen.has(traceparent)) continue;
    seen.add(traceparent);
    if (links.length === MAX_PROCESS_LINKS) {
      dropped += 1;
      continue;
    }
    const producer = spanContextOf(traceparent);
    if (producer !== undefined) links.push({ context: producer });
  }
  return { links, dropped };
}
