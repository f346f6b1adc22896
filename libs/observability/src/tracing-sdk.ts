import { NodeSDK } from '@opentelemetry/sdk-node';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { ferryInstrumentations } from './tracing/instrumentations';
import { tracesExportConfigured, tracingDisabled } from './tracing/trace-export';
import { onTracingShutdown } from './tracing/tracing-shutdown';

/*
 * The entry point a service imports before anything else (`@ferry/observability/tracing-sdk`),
 * apart from the rest of the library so that importing it loads the SDK and nothing that would
 * load `http` or `pg` first: instrumentations patch a module when it is required, so one
 * required earlier would go untraced.
 */

export interface TracingOptions {
  /** service.name unless OTEL_SERVICE_NAME says otherwise. */
  readonly serviceName: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts the OpenTelemetry SDK, configured by the standard OTEL_* variables alone (exporter,
 * endpoint, protocol, sampler, resource attributes, propagators). OTEL_SDK_DISABLED=true starts
 * nothing; without an exporter destination spans are made but not exported (see
 * tracesExportConfigured). Metrics stay with prom-client and logs with the JSON logger: the SDK
 * gets neither. The service host flushes and stops it on shutdown (shutdownTracing).
 */
export function startTracing(options: TracingOptions): void {
  const env = options.env ?? process.env;
  if (tracingDisabled(env)) return;
  const serviceName = (env['OTEL_SERVICE_NAME'] ?? '').trim() || options.serviceName;
  const sdk = new NodeSDK({
    serviceName,
    instrumentations: ferryInstrumentations(),
    // Without these the SDK would export metrics and logs over OTLP by default.
    metricReaders: [],
    logRecordProcessors: [],
    // The SDK registers no tracer provider without a span processor, and then makes no spans at
    // all: a processor that drops them keeps spans (and their ids) without exporting them.
    ...(tracesExportConfigured(env) ? {} : { spanProcessors: [new NoopSpanProcessor()] }),
  });
  sdk.start();
  onTracingShutdown(() => sdk.shutdown());
}

export { shutdownTracing } from './tracing/tracing-shutdown';
