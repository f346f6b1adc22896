import { integer, oneOf, option, text } from '@ferry/config';

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
