import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

/** A receiver that records what the simulators send (stands in for Ferry in the simulators' tests). */
export interface CaptureServer {
  readonly url: string;
  readonly received: readonly CapturedRequest[];
  /** Status to answer with (default 200), or a function of the request. */
  respondWith(status: number | ((request: CapturedRequest) => number)): void;
  stop(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const received: CapturedRequest[] = [];
  let respond: (request: CapturedRequest) => number = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        at: Date.now(),
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      res.writeHead(respond(request), { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith: (status) => {
      respond = typeof status === 'number' ? () => status : status;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
