import { createServer, type Server, type Socket } from 'node:net';
import { openDatabase } from './database';
import { DatabaseUnavailableError } from './database-errors';

/*
 * Bounded waits against a real Postgres and against a server that accepts connections and never
 * answers (a frozen peer): every wait ends within its timeout with DatabaseUnavailableError.
 */
describe('database timeouts', () => {
  // No @ferry/test-support here: it builds on this library.
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ferry';
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentUrl: string;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    silentUrl = `postgres://postgres@127.0.0.1:${port}/ferry`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  async function elapsedOf(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
    const started = Date.now();
    const error = await work().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    return { ms: Date.now() - started, error };
  }

  it('gives up connecting to a server that never answers within the connect timeout', async () => {
    const db = openDatabase({ url: silentUrl, timeouts: { connectTimeoutMs: 500 } });
    const { ms, error } = await elapsedOf(() => db.transaction((tx) => tx.query('SELECT 1')));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeLessThan(3000);
    const ping = await elapsedOf(() => db.ping(200));
    expect(ping.error).toBeInstanceOf(DatabaseUnavailableError);
    await db.close();
  });

  it("ends a statement at the server's statement timeout, as a transient failure of the statement", async () => {
    const db = openDatabase({ url, timeouts: { statementTimeoutMs: 300 } });
    const { ms, error } = await elapsedOf(() => db.query('SELECT pg_sleep(5)'));
    expect(error).toMatchObject({ code: '57014' });
    expect(ms).toBeLessThan(2000);
    // The connection survives a cancelled statement.
    await expect(db.query<{ one: number }>('SELECT 1 AS one')).resolves.toMatchObject({
      rows: [{ one: 1 }],
    });
    await db.close();
  });

  it('lets a transaction raise its own statement bound (migrations)', async () => {
    const db = openDatabase({ url, timeouts: { statementTimeoutMs: 200 } });
    await expect(
      db.transaction((tx) => tx.query('SELECT pg_sleep(0.5)'), { statementTimeoutMs: 5000 }),
    ).resolves.toMatchObject({ rowCount: 1 });
    await db.close();
  });
});
