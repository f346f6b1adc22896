/** The standard variables that say where spans go (an OTLP endpoint, or another exporter). */
const EXPORT_SETTINGS = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_TRACES_EXPORTER',
] as const;

/**
 * Whether spans are exported: only when the environment names a destination. Without one the
 * SDK's default (OTLP to localhost:4318) would send every span to a port where nothing listens
 * and report the failures; Ferry still makes spans then, so that trace context flows through
 * Kafka and log lines carry trace ids, and exports none.
 */
export function tracesExportConfigured(env: NodeJS.ProcessEnv): boolean {
  return EXPORT_SETTINGS.some((name) => (env[name] ?? '').trim() !== '');
}

/** OTEL_SDK_DISABLED=true switches tracing off: no SDK, no spans, no instrumentation. */
export function tracingDisabled(env: NodeJS.ProcessEnv): boolean {
  return (env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase() === 'true';
}
