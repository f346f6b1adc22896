import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  decideFault,
  NO_COUNTS,
  parseServerFault,
  type FaultCounters,
  type ServerFault,
} from './faults';
import {
  maxRequestsPerWindow,
  RequestLog,
  type RecordedRequest,
  type RequestFilter,
} from './request-log';

const HOST = '127.0.0.1';
/** Every simulator's control endpoints live under this prefix; faults never apply to them. */
export const ADMIN_PREFIX = '/__sim/';

export interface SimRequest {
  readonly httpMethod: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

export interface SimResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON; `undefined` sends an empty body. */
  readonly json?: unknown;
}

export interface RouteLabels {
  readonly api: string;
  readonly model?: string;
  readonly method?: string;
}

export interface SimulatorServerOptions {
  readonly name: string;
  /** Names what a request is about, for the request log (called before any fault applies). */
  readonly label: (request: SimRequest) => RouteLabels;
  readonly handle: (request: SimRequest) => Promise<SimResponse> | SimResponse;
  /** Extra `/__sim/...` routes; answer `undefined` for a path it does not know. */
  readonly admin?: (
    request: SimRequest,
  ) => Promise<SimResponse | undefined> | SimResponse | undefined;
  /** Source of randomness for `failing` with a probability (tests pass a seeded one). */
  readonly random?: () => number;
  /** The port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
}

/**
 * A real HTTP server on 127.0.0.1 with a fault gate in front of its handler. `down` really closes
 * the listening socket (callers get ECONNREFUSED) and `ok` reopens it on the same port. The same
 * admin routes are also served on a second port that never goes down, so a fault can be lifted
 * over HTTP too.
 */
export class SimulatorServer {
  private currentFault: ServerFault = { mode: 'ok' };
  private counters: FaultCounters = NO_COUNTS;
  private revertTimer: NodeJS.Timeout | undefined;
  private listening = false;
  private readonly log = new RequestLog();
  private readonly random: () => number;

  private constructor(
    private readonly options: SimulatorServerOptions,
    private readonly main: Server,
    private readonly adminServer: Server,
    private mainPort: number,
    private readonly adminPort: number,
  ) {
    this.random = options.random ?? Math.random;
  }

  static async start(options: SimulatorServerOptions): Promise<SimulatorServer> {
    // The servers exist before the instance that serves their requests.
    const holder: { instance?: SimulatorServer } = {};
    const main = createServer((req, res) => void holder.instance?.serve(req, res, false));
    const admin = createServer((req, res) => void holder.instance?.serve(req, res, true));
    const mainPort = await listen(main, options.port ?? 0);
    const adminPort = await listen(admin, 0);
    const instance = new SimulatorServer(options, main, admin, mainPort, adminPort);
    instance.listening = true;
    holder.instance = instance;
    return instance;
  }

  get port(): number {
    return this.mainPort;
  }

  get url(): string {
    return `http://${HOST}:${this.mainPort}`;
  }

  /** Serves only the `/__sim/...` routes, and stays up while the simulator is `down`. */
  get adminUrl(): string {
    return `http://${HOST}:${this.adminPort}`;
  }

  get fault(): ServerFault {
    return this.currentFault;
  }

  get isUp(): boolean {
    return this.listening;
  }

  async setFault(fault: ServerFault): Promise<void> {
    clearTimeout(this.revertTimer);
    this.revertTimer = undefined;
    this.currentFault = fault;
    this.counters = NO_COUNTS;
    if (fault.mode === 'down') await this.closeListener();
    else await this.openListener();
    if (fault.mode !== 'ok' && fault.forMs !== undefined) {
      this.revertTimer = setTimeout(() => void this.setFault({ mode: 'ok' }), fault.forMs);
      this.revertTimer.unref();
    }
  }

  requests(filter: RequestFilter = {}): RecordedRequest[] {
    return this.log.list(filter);
  }

  clearRequests(): void {
    this.log.clear();
  }

  maxRequestsPerSecond(filter: RequestFilter = {}): number {
    return maxRequestsPerWindow(this.log.list(filter), 1000);
  }

  async stop(): Promise<void> {
    clearTimeout(this.revertTimer);
    await this.closeListener();
    this.adminServer.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.adminServer.close(() => {
        resolve();
      }),
    );
  }

  private async closeListener(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) =>
      this.main.close(() => {
        resolve();
      }),
    );
    this.main.closeAllConnections();
    await closed;
  }

  private async openListener(): Promise<void> {
    if (this.listening) return;
    this.mainPort = await listen(this.main, this.mainPort);
    this.listening = true;
  }

  private async serve(
    req: IncomingMessage,
    res: ServerResponse,
    adminOnly: boolean,
  ): Promise<void> {
    try {
      const request = await readRequest(req);
      if (request.path.startsWith(ADMIN_PREFIX)) {
        await this.serveAdmin(request, res);
        return;
      }
      if (adminOnly) {
        send(res, { status: 404, json: { error: 'admin port serves /__sim/ only' } });
        return;
      }
      await this.serveGated(request, res);
    } catch (error: unknown) {
      if (!res.headersSent) {
        send(res, {
          status: 500,
          json: { error: error instanceof Error ? error.message : String(error) },
        });
      }
    }
  }

  private async serveGated(request: SimRequest, res: ServerResponse): Promise<void> {
    const labels = this.options.label(request);
    const { decision, counters } = decideFault(
      this.currentFault,
      this.counters,
      Date.now(),
      this.random,
    );
    this.counters = counters;
    const base = { at: Date.now(), httpMethod: request.httpMethod, path: request.path, ...labels };
    if (decision.verdict === 'reject') {
      this.log.add({ ...base, outcome: 'rejected', status: decision.status });
      send(res, {
        status: decision.status,
        headers: decision.headers,
        json: { error: decision.reason, simulator: this.options.name },
      });
      return;
    }
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const response = await this.options.handle(request);
    this.log.add({ ...base, outcome: 'handled', status: response.status });
    send(res, response);
  }

  private async serveAdmin(request: SimRequest, res: ServerResponse): Promise<void> {
    const route = `${request.httpMethod} ${request.path}`;
    if (route === 'POST /__sim/faults') {
      let fault: ServerFault;
      try {
        fault = parseServerFault(JSON.parse(request.rawBody || '{}'));
      } catch (error: unknown) {
        send(res, {
          status: 400,
          json: { error: error instanceof Error ? error.message : String(error) },
        });
        return;
      }
      // Answer before a `down` closes the connection this request came on.
      send(res, { status: 200, json: { fault } });
      await finished(res);
      await this.setFault(fault);
      return;
    }
    const builtIn = this.builtInAdmin(route, request);
    const response = builtIn ?? (await this.options.admin?.(request));
    send(res, response ?? { status: 404, json: { error: `no admin route ${route}` } });
  }

  private builtInAdmin(route: string, request: SimRequest): SimResponse | undefined {
    switch (route) {
      case 'GET /__sim/health':
        return {
          status: 200,
          json: {
            name: this.options.name,
            up: this.listening,
            fault: this.currentFault,
            url: this.url,
          },
        };
      case 'GET /__sim/faults':
        return { status: 200, json: { fault: this.currentFault } };
      case 'GET /__sim/requests': {
        const since = request.query.get('since');
        return {
          status: 200,
          json: this.log.list({
            ...(request.query.get('api') ? { api: request.query.get('api') ?? '' } : {}),
            ...(request.query.get('model') ? { model: request.query.get('model') ?? '' } : {}),
            ...(since ? { since: Number(since) } : {}),
          }),
        };
      }
      case 'DELETE /__sim/requests':
        this.log.clear();
        return { status: 204 };
      default:
        return undefined;
    }
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(error);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function readRequest(req: IncomingMessage): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  return {
    httpMethod: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody: Buffer.concat(chunks).toString('utf8'),
  };
}

function send(res: ServerResponse, response: SimResponse): void {
  const body = response.json === undefined ? '' : JSON.stringify(response.json);
  res.writeHead(response.status, {
    ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...response.headers,
  });
  res.end(body);
}

/** Parses a JSON body; `undefined` when it is not JSON. */
export function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}
