import { connect, createServer, type Socket } from 'node:net';

export interface TcpRelay {
  /** `127.0.0.1:<port>` of the relay. */
  readonly address: string;
  readonly port: number;
  /** Connections open now, the ones held by a freeze included. */
  openConnections(): number;
  /**
   * Local ports of the relay's connections to the service: how the service sees this client
   * (Postgres' `pg_stat_activity.client_port`, say).
   */
  upstreamPorts(): number[];
  /**
   * Cuts every open connection with a reset and keeps accepting new ones: the service behind
   * stays reachable, but every client loses the connections it had (a dropped link, a proxy
   * restart).
   */
  dropConnections(): void;
  /**
   * A frozen network: open connections stay open but no byte passes in either direction, and a new
   * connection is held without an answer (its bytes wait, nothing reaches the service). Nothing
   * is refused or reset, so clients learn of it only from their own timeouts. The kernel still
   * completes the TCP handshake of a new connection, so a client sees silence right after
   * connecting: a timeout on the protocol's handshake fires, a bare socket-connect timeout not.
   */
  freeze(): void;
  /**
   * Ends a freeze: what waited is delivered, as TCP retransmission would after the network came
   * back, and held connections reach the service. A side that closed meanwhile closes the other.
   */
  thaw(): void;
  /** Stops accepting and cuts every open connection: the service behind looks down. */
  close(): Promise<void>;
}

/** One client connection and its upstream, forwarded unless the relay is frozen. */
class RelayedConnection {
  private upstream: Socket | undefined;
  /** A side closed while frozen: the other one is closed at thaw, not before. */
  private endedWhileFrozen = false;

  constructor(
    private readonly client: Socket,
    private readonly connectUpstream: () => Socket,
    private readonly isFrozen: () => boolean,
    private readonly forget: (connection: RelayedConnection) => void,
  ) {
    this.closeWith(client);
    if (isFrozen()) client.pause();
    else this.open();
  }

  /** Connects upstream (at once, or at thaw for a connection accepted while frozen). */
  private open(): void {
    const upstream = this.connectUpstream();
    this.upstream = upstream;
    this.closeWith(upstream);
    forward(this.client, upstream, this.isFrozen);
    forward(upstream, this.client, this.isFrozen);
  }

  /** Its connection to the service, once open. */
  upstreamPort(): number | undefined {
    return this.upstream?.localPort;
  }

  freeze(): void {
    this.client.pause();
    this.upstream?.pause();
  }

  thaw(): void {
    if (this.endedWhileFrozen) {
      this.destroy();
      return;
    }
    if (this.upstream === undefined) this.open();
    this.client.resume();
    this.upstream?.resume();
  }

  reset(): void {
    if (!this.client.destroyed) this.client.resetAndDestroy();
    this.upstream?.destroy();
    this.forget(this);
  }

  private end(): void {
    this.client.end();
    this.upstream?.end();
    this.forget(this);
  }

  destroy(): void {
    this.client.destroy();
    this.upstream?.destroy();
    this.forget(this);
  }

  /**
   * When `socket` closes, the other side is ended once what was written to it is flushed; when it
   * fails, both are destroyed (at thaw, if frozen). A paused socket still reads its peer's end
   * (up to its buffer), so a freeze must hold closes here.
   */
  private closeWith(socket: Socket): void {
    socket.on('error', () => {
      this.closeWhenThawed(() => {
        this.destroy();
      });
    });
    socket.on('close', () => {
      this.closeWhenThawed(() => {
        this.end();
      });
    });
  }

  /** Closes now, or at thaw: a frozen network carries no FIN or reset either. */
  private closeWhenThawed(close: () => void): void {
    if (this.isFrozen()) this.endedWhileFrozen = true;
    else close();
  }
}

/** Copies `from` into `to` with backpressure; a drain resumes `from` only when not frozen. */
function forward(from: Socket, to: Socket, isFrozen: () => boolean): void {
  from.on('data', (chunk: Buffer) => {
    // A side that is closing takes no more bytes; writing would fail and cut the other side
    // before what it was sent is flushed.
    if (to.writableEnded || to.destroyed) return;
    if (to.write(chunk)) return;
    from.pause();
    to.once('drain', () => {
      if (!isFrozen()) from.resume();
    });
  });
}

/**
 * A real TCP relay in front of a real service, so a test can make that service unreachable for
 * one client (close), drop that client's connections (dropConnections) or freeze the network
 * between them (freeze, thaw), without touching the service itself.
 */
export function startTcpRelay(targetHost: string, targetPort: number): Promise<TcpRelay> {
  const connections = new Set<RelayedConnection>();
  // Every socket until it closed, a connection already let go of included: `close` ends them all.
  const sockets = new Set<Socket>();
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  let frozen = false;
  const isFrozen = (): boolean => frozen;
  const server = createServer((client) => {
    track(client);
    connections.add(
      new RelayedConnection(
        client,
        () => track(connect(targetPort, targetHost)),
        isFrozen,
        (connection) => connections.delete(connection),
      ),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        address: `127.0.0.1:${port}`,
        port,
        openConnections: () => connections.size,
        upstreamPorts: () =>
          [...connections].flatMap((connection) => connection.upstreamPort() ?? []),
        dropConnections: () => {
          for (const connection of [...connections]) connection.reset();
        },
        freeze: () => {
          frozen = true;
          for (const connection of connections) connection.freeze();
        },
        thaw: () => {
          frozen = false;
          for (const connection of [...connections]) connection.thaw();
        },
        close: () =>
          new Promise<void>((done) => {
            frozen = false;
            for (const connection of [...connections]) connection.destroy();
            for (const socket of sockets) socket.destroy();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
