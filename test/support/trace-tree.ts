import type { ReceivedSpan } from './otlp-receiver';

/** Spans whose parent is `span`, in start order. */
export function childrenOf(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  return spans
    .filter((s) => s.traceId === span.traceId && s.parentSpanId === span.spanId)
    .sort((a, b) => (a.startNs < b.startNs ? -1 : 1));
}

/** Every span below `span` in its trace. */
export function descendantsOf(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  return childrenOf(spans, span).flatMap((child) => [child, ...descendantsOf(spans, child)]);
}

/** Spans in other traces that link to `span` (consumers of what a producer span sent). */
export function linkedFrom(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  return spans
    .filter((s) => s.links.some((l) => l.traceId === span.traceId && l.spanId === span.spanId))
    .sort((a, b) => (a.startNs < b.startNs ? -1 : 1));
}

/**
 * The trace below `root` as an indented list (name, kind, duration, service), with the spans
 * that link to one of its spans shown under it, marked `linked ->`, and their own trees below.
 */
export function renderTrace(spans: readonly ReceivedSpan[], root: ReceivedSpan): string {
  const lines: string[] = [];
  const visit = (span: ReceivedSpan, depth: number, linked: boolean): void => {
    const mark = linked ? 'linked -> ' : '';
    const status = span.failed ? ' ERROR' : '';
    lines.push(
      `${'  '.repeat(depth)}${mark}${span.name} [${span.kind}] ${span.durationMs.toFixed(1)} ms` +
        ` (${span.service})${status}`,
    );
    for (const child of childrenOf(spans, span)) visit(child, depth + 1, false);
    for (const consumer of linkedFrom(spans, span)) visit(consumer, depth + 1, true);
  };
  visit(root, 0, false);
  return lines.join('\n');
}
