import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTcpRelay, type TcpRelay } from './tcp-relay';
import { waitFor } from './wait-for';

/** A TCP echo server that remembers what reached it. */
interface EchoServer {
  readonly port: number;
  /** Connections accepted so far, and bytes received so far. */
  accepted(): number;
  received(): string;
  /** Connections the server saw closed by their client. */
  closed(): number;
  /** Remote ports of the connections open now, as the server sees its clients. */
  clientPorts(): number[];
  /** Sends `text` to every client unasked. */
  push(text: string): void;
  /** Ends every connection from the server's side. */
  hangUp(): void;
  stop(): Promise<void>;
}

/** `readPauseMs`: a slow server, which pauses after each chunk it reads. */
async function startEchoServer(readPauseMs = 0): Promise<EchoServer> {
  let accepted = 0;
  let closed = 0;
  let received = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      socket.write(chunk);
      if (readPauseMs === 0) return;
      socket.pause();
      setTimeout(() => socket.resume(), readPauseMs);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed += 1;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return {
    port: address.port,
    accepted: () => accepted,
    received: () => received,
    closed: () => closed,
    clientPorts: () => [...sockets].map((socket) => socket.remotePort ?? -1),
    hangUp: () => {
      for (const socket of sockets) socket.end();
    },
    push: (text) => {
      for (const socket of sockets) socket.write(text);
    },
    stop: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          done();
        });
      }),
  };
}

/** A client connection that collects what comes back and how it ended. */
interface Client {
  readonly socket: Socket;
  data(): string;
  error(): string | undefined;
  isClosed(): boolean;
}

function client(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    let data = '';
    let error: string | undefined;
    let closed = false;
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString();
    });
    socket.on('error', (cause: NodeJS.ErrnoException) => {
      error = cause.code ?? cause.message;
      reject(cause);
    });
    socket.on('close', () => {
      closed = true;
    });
    socket.once('connect', () => {
      resolve({ socket, data: () => data, error: () => error, isClosed: () => closed });
    });
  });
}

const until = (what: string, condition: () => boolean) =>
  waitFor(what, () => (condition() ? true : undefined), { timeoutMs: 15_000, intervalMs: 10 });

/** How long a frozen relay is watched for a byte that must not pass. */
const SILENCE_MS = 300;

describe('TcpRelay', () => {
  let echo: EchoServer;
  let relay: TcpRelay;
  const clients: Client[] = [];

  const open = async (): Promise<Client> => {
    const opened = await client(relay.port);
    clients.push(opened);
    return opened;
  };

  /** Replaces this test's server with a slow one (see startEchoServer) behind a new relay. */
  const relayToSlowServer = async (readPauseMs: number): Promise<void> => {
    await relay.close();
    await echo.stop();
    echo = await startEchoServer(readPauseMs);
    relay = await startTcpRelay('127.0.0.1', echo.port);
  };

  /** A connection through the relay that has carried `text` there and back. */
  const echoed = async (text: string): Promise<Client> => {
    const opened = await open();
    opened.socket.write(text);
    await until(`the echo of ${text}`, () => opened.data() === text);
    return opened;
  };

  beforeEach(async () => {
    echo = await startEchoServer();
    relay = await startTcpRelay('127.0.0.1', echo.port);
  });

  afterEach(async () => {
    for (const opened of clients.splice(0)) opened.socket.destroy();
    await relay.close();
    await echo.stop();
  });

  it('forwards bytes both ways, and a close from the client', async () => {
    const one = await echoed('hello');
    expect(relay.openConnections()).toBe(1);
    expect(echo.clientPorts()).toEqual(relay.upstreamPorts());
    one.socket.end();
    await until('the server side to be closed', () => echo.closed() === 1);
    await until('the relay to forget the connection', () => relay.openConnections() === 0);
  });

  it('delivers everything a client wrote before it closed to a slow server', async () => {
    await relayToSlowServer(2);
    const one = await echoed('a');
    const payload = 'b'.repeat(4 * 1024 * 1024);
    one.socket.end(payload);
    await until(
      'the whole payload to reach the server',
      () => echo.received().length === 1 + payload.length,
    );
  });

  it('drops open connections with a reset and keeps accepting new ones', async () => {
    const one = await echoed('a');

    relay.dropConnections();
    await until('the client to see its connection cut', () => one.isClosed());
    expect(one.error()).toBe('ECONNRESET');
    await until('the server side to be closed', () => echo.closed() === 1);

    await echoed('b');
    expect(echo.accepted()).toBe(2);
  });

  it('passes no byte either way while frozen, and delivers what waited at thaw', async () => {
    const one = await echoed('before');

    relay.freeze();
    one.socket.write('during');
    await sleep(SILENCE_MS);
    expect({ atServer: echo.received(), atClient: one.data(), closed: one.isClosed() }).toEqual({
      atServer: 'before',
      atClient: 'before',
      closed: false,
    });

    relay.thaw();
    await until('what waited to be echoed', () => one.data() === 'beforeduring');
  });

  it('stops a transfer under backpressure at a freeze, past what was in flight', async () => {
    await relayToSlowServer(5);
    const one = await echoed('a');
    const payload = 24 * 1024 * 1024;
    one.socket.write('c'.repeat(payload));
    await until('the transfer to be under way', () => echo.received().length > 1024 * 1024);
    relay.freeze();
    // What the relay had already handed to the kernel still arrives (a few MB on loopback); then
    // nothing more, however the server drains.
    let settled = -1;
    await waitFor(
      'the bytes in flight to settle',
      async () => {
        const now = echo.received().length;
        if (now === settled) return true;
        settled = now;
        await sleep(SILENCE_MS);
        return undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(settled).toBeLessThan(payload / 2);
    relay.thaw();
    await until('the rest to arrive after thaw', () => echo.received().length === 1 + payload);
  });

  it('passes nothing from the server to the client while frozen', async () => {
    const one = await echoed('x');
    relay.freeze();
    echo.push('pushed');
    await sleep(SILENCE_MS);
    expect(one.data()).toBe('x');
    relay.thaw();
    await until('the push to arrive after thaw', () => one.data() === 'xpushed');
  });

  it('holds a connection opened while frozen without answering, and connects it at thaw', async () => {
    relay.freeze();
    const held = await open();
    held.socket.write('held');
    await sleep(SILENCE_MS);
    expect({ accepted: echo.accepted(), answer: held.data(), closed: held.isClosed() }).toEqual({
      accepted: 0,
      answer: '',
      closed: false,
    });
    expect(relay.openConnections()).toBe(1);

    relay.thaw();
    await until('the held connection to be answered', () => held.data() === 'held');
    expect(echo.accepted()).toBe(1);
  });

  it('closes the other side of a connection its client left while frozen only at thaw', async () => {
    const one = await echoed('a');
    relay.freeze();
    one.socket.destroy();
    await sleep(SILENCE_MS);
    expect(echo.closed()).toBe(0);
    relay.thaw();
    await until('the server side to be closed', () => echo.closed() === 1);
    expect(relay.openConnections()).toBe(0);
  });

  it('closes while a client keeps its side of a connection open after the server ended it', async () => {
    const halfOpen = connect({ port: relay.port, host: '127.0.0.1', allowHalfOpen: true });
    let ended = false;
    halfOpen.on('end', () => (ended = true));
    halfOpen.on('data', () => undefined);
    await until('the server to see the connection', () => echo.accepted() === 1);
    echo.hangUp();
    await until('the client to see the server end', () => ended);
    const closing = relay.close().then(() => 'closed');
    // The clock is the condition: close() must not wait for a connection the relay already ended.
    const late = sleep(5000).then(() => 'still waiting for the connection');
    expect(await Promise.race([closing, late])).toBe('closed');
    halfOpen.destroy();
  });

  it('refuses new connections and cuts open ones once closed', async () => {
    const one = await open();
    await relay.close();
    await until('the open connection to be cut', () => one.isClosed());
    await expect(client(relay.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
