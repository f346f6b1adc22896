import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Health probes and metric scrapes: a span each would bury the requests that matter. */
const OPS_PATHS = /^\/(health\/|metrics(\?|$))/;

function isOpsRequest(request: IncomingMessage): boolean {
  return OPS_PATHS.test(request.url ?? '');
}

/**
 * What Ferry's runtime lets the SDK see on its own: HTTP served (the SERVER span of each API
 * request, continuing the caller's `traceparent`), HTTP called through `http` (the schema
 * registry client) and through `fetch` (undici: the Odoo client, the WMS client), and Postgres
 * statements (pg). Outgoing calls and statements are traced only inside a trace: the background
 * work of a service (health checks, lag reads, the parking sweep) makes no root spans of its own.
 * Kafka has no instrumentation here: the runtime makes its spans itself (see messaging-spans).
 */
export function ferryInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: isOpsRequest,
      requireParentforOutgoingSpans: true,
    }),
    new UndiciInstrumentation({ requireParentforSpans: true }),
    // Statement texts are kept (they are parameterised); their values are not.
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
}
