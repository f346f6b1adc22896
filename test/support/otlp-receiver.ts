import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** OTLP span kinds (SpanKind of the trace proto), as names. */
const KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
export type ReceivedSpanKind = (typeof KINDS)[number];

export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: ReceivedSpanKind;
  readonly startNs: bigint;
  readonly durationMs: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly links: readonly { readonly traceId: string; readonly spanId: string }[];
  readonly failed: boolean;
}

/**
 * A collector's OTLP/HTTP endpoint, reduced to what a test reads: it takes `POST /v1/traces` in
 * the JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and keeps every span, flattened.
 */
export interface OtlpReceiver {
  /** OTEL_EXPORTER_OTLP_ENDPOINT of the services: the SDK appends `/v1/traces`. */
  readonly endpoint: string;
  spans(): readonly ReceivedSpan[];
  stop(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    void receive(request, response, received);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function receive(
  request: IncomingMessage,
  response: ServerResponse,
  received: ReceivedSpan[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const type = request.headers['content-type'] ?? '';
  if (request.method !== 'POST' || request.url !== '/v1/traces' || !type.includes('json')) {
    response.writeHead(415, { 'content-type': 'text/plain' });
    response.end(
      `only JSON POST /v1/traces here, not ${request.method ?? ''} ${request.url ?? ''}`,
    );
    return;
  }
  received.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{}');
}

/* The parts of ExportTraceServiceRequest (OTLP JSON) read here. */
interface AnyValue {
  readonly stringValue?: string;
  readonly intValue?: string | number;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
}
interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}
type Nanos = string | number | { readonly low: number; readonly high: number };
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly startTimeUnixNano: Nanos;
  readonly endTimeUnixNano: Nanos;
  readonly attributes?: readonly KeyValue[];
  readonly links?: readonly { readonly traceId: string; readonly spanId: string }[];
  readonly status?: { readonly code?: number };
}
interface ExportRequest {
  readonly resourceSpans?: readonly {
    readonly resource?: { readonly attributes?: readonly KeyValue[] };
    readonly scopeSpans?: readonly { readonly spans?: readonly OtlpSpan[] }[];
  }[];
}

function spansOf(request: ExportRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => {
        const startNs = nanos(span.startTimeUnixNano);
        return {
          service,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId ?? '',
          name: span.name,
          kind: KINDS[span.kind] ?? 'UNSPECIFIED',
          startNs,
          durationMs: Number(nanos(span.endTimeUnixNano) - startNs) / 1e6,
          attributes: attributesOf(span.attributes),
          links: (span.links ?? []).map(({ traceId, spanId }) => ({ traceId, spanId })),
          // STATUS_CODE_ERROR
          failed: span.status?.code === 2,
        };
      }),
    );
  });
}

function attributesOf(
  attributes: readonly KeyValue[] | undefined,
): Record<string, string | number | boolean> {
  return Object.fromEntries(
    (attributes ?? []).map(({ key, value }) => [
      key,
      value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue ?? NaN),
    ]),
  );
}

function nanos(value: Nanos): bigint {
  if (typeof value === 'object') return (BigInt(value.high >>> 0) << 32n) + BigInt(value.low >>> 0);
  return BigInt(value);
}
