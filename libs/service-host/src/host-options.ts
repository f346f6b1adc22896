import { integer, option, text } from '@ferry/config';

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
