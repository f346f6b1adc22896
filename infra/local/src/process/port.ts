import { createConnection, createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => {
        resolve(true);
      }),
    );
  });
}

/** True when a TCP connection to host:port opens within `timeoutMs`. */
export function canOpenTcp(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

/** Splits `host:port`; IPv6 hosts in brackets are accepted. */
export function parseHostPort(address: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address.trim());
  if (match === null) return undefined;
  const [, host, port] = match;
  if (host === undefined || port === undefined) return undefined;
  return { host, port: Number(port) };
}
