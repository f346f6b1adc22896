import { integer, option, text } from '@ferry/config';

/** PORT and HOST of a service's HTTP server (API, health, metrics). */
export function httpServerOptions(defaultPort: number) {
  return {
    httpPort: option(
      'PORT',
      integer({ min: 0, max: 65535 }),
      defaultPort,
      'HTTP port (API, health, metrics)',
    ),
    httpHost: option('HOST', text, '127.0.0.1', 'Interface to listen on (0.0.0.0 in a container)'),
  };
}
