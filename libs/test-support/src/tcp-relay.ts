import { connect, createServer, type Socket } from 'node:net';

export interface TcpRelay {
  /** `127.0.0.1:<port>` of the relay. */
  readonly address: string;
  readonly port: number;
  /** Stops accepting and cuts every open connection: the service behind looks down. */
  close(): Promise<void>;
}

/**
 * A real TCP relay in front of a real service, so a test can make that service unreachable for
 * one client (close the relay) without stopping it for everyone else.
 */
export function startTcpRelay(targetHost: string, targetPort: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        address: `127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
