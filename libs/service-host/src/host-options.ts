import { boolean, integer, oneOf, option, text } from '@ferry/config';

/** PORT and HOST of a service's HTTP server, and the port of its health and metrics. */
export function httpServerOptions(defaultPort: number) {
  return {
    httpPort: option(
      'PORT',
      integer({ min: 0, max: 65535 }),
      defaultPort,
      'HTTP port of the business endpoints (and of health and metrics unless FERRY_OPS_PORT is set)',
    ),
    httpHost: option('HOST', text, '127.0.0.1', 'Interface to listen on (0.0.0.0 in a container)'),
    opsPort: option<number | null>(
      'FERRY_OPS_PORT',
      integer({ min: 1, max: 65535 }),
      null,
      'Port of /health/live, /health/ready and /metrics alone; when set, PORT no longer serves them (expose only PORT to callers)',
    ),
  };
}

/** Whether a service creates the topics it publishes to or consumes (with their tiers) at start. */
export const createTopicsOptions = {
  createTopics: option(
    'FERRY_CREATE_TOPICS',
    boolean,
    true,
    'Create missing topics at start (off where topics are managed elsewhere)',
  ),
};

/** Where a service listens, as its `httpServerOptions` read: what `runService` takes. */
export function listenOn(config: {
  readonly httpPort: number;
  readonly httpHost: string;
  readonly opsPort: number | null;
}): { port: number; host: string; opsPort: number | null } {
  return { port: config.httpPort, host: config.httpHost, opsPort: config.opsPort };
}

/**
 * What one process of an adapter runs. An adapter both takes in (HTTP ingest, ERP webhooks and
 * polls) and writes out (sinks into the WMS or the ERP); a sink holding its partitions while its
 * downstream is down reports itself not ready, which must not take the intake out of its
 * Kubernetes Service. Deployments therefore run each half as its own workload.
 */
export const ServiceRoles = ['all', 'intake', 'sink'] as const;
export type ServiceRole = (typeof ServiceRoles)[number];

export const serviceRoleOptions = {
  role: option(
    'FERRY_ROLE',
    oneOf(...ServiceRoles),
    'all',
    'What this process runs: all; intake (inbound endpoints and ERP polling: ready while the downstream system is down); sink (only the consumers writing into the downstream system)',
  ),
};

export function runsIntake(role: ServiceRole): boolean {
  return role !== 'sink';
}

export function runsSink(role: ServiceRole): boolean {
  return role !== 'intake';
}

/**
 * The OpenTelemetry SDK's own variables. The SDK reads them itself, before the service's
 * configuration (libs/observability tracing-sdk); they are declared here too, so that the
 * generated manifests and every listing of a service's variables name them, and a bad value
 * stops the start with the variable's name.
 */
export const tracingOptions = {
  otelServiceName: option(
    'OTEL_SERVICE_NAME',
    text,
    '',
    "Name of the service in traces; empty: the service's own name",
  ),
  otelEndpoint: option(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    text,
    '',
    'OTLP endpoint of the trace collector (http://otel-collector:4318); empty: spans carry trace context through Kafka and into logs, and none is exported',
  ),
  otelSampler: option(
    'OTEL_TRACES_SAMPLER',
    oneOf(
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ),
    'parentbased_always_on',
    'Which traces are recorded',
  ),
  otelSamplerArg: option(
    'OTEL_TRACES_SAMPLER_ARG',
    text,
    '',
    'Argument of the sampler: the ratio of the traceidratio samplers',
  ),
  otelDisabled: option(
    'OTEL_SDK_DISABLED',
    boolean,
    false,
    'true: no tracing at all (a traceparent received still travels on unchanged)',
  ),
};
