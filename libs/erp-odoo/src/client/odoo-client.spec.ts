import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  OdooAuthenticationError,
  OdooHttpError,
  OdooProtocolError,
  OdooServerError,
  OdooUnreachableError,
} from './errors';
import { Json2Client } from './json2-client';
import { JsonRpcClient } from './json-rpc-client';
import { createOdooClient } from './odoo-options';

interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

type Handler = (seen: Seen, response: ServerResponse) => unknown;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: Seen[] = [];

function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers = {},
): ServerResponse {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  return response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const entry = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      seen.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const json2 = () =>
  new Json2Client({
    url: baseUrl,
    database: 'shop',
    apiKey: 'key-123',
    timeoutMs: 500,
    userAgent: 'ferry-test',
  });

describe('Json2Client', () => {
  it('posts named parameters to /json/2/<model>/<method> with the bearer key', async () => {
    handler = (_seen, response) => reply(response, 200, [{ id: 3, name: 'Deco Addict' }]);
    const result = await json2().call({
      model: 'res.partner',
      method: 'search_read',
      params: { domain: [['is_company', '=', true]], fields: ['name'] },
      context: { lang: 'en_US' },
    });
    expect(result).toEqual([{ id: 3, name: 'Deco Addict' }]);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/json/2/res.partner/search_read',
      headers: {
        authorization: 'bearer key-123',
        'x-odoo-database': 'shop',
        'content-type': 'application/json; charset=utf-8',
      },
      body: { domain: [['is_company', '=', true]], fields: ['name'], context: { lang: 'en_US' } },
    });
  });

  it('sends record ids in the body', async () => {
    handler = (_seen, response) => reply(response, 200, true);
    await json2().call({ model: 'sale.order', method: 'action_confirm', ids: [4] });
    expect(seen[0]?.body).toEqual({ ids: [4] });
  });

  it('turns an Odoo access error into a permanent OdooServerError with its status', async () => {
    handler = (_seen, response) =>
      reply(response, 403, {
        name: 'odoo.exceptions.AccessError',
        message: 'You are not allowed to modify Purchase Order',
        arguments: ['You are not allowed to modify Purchase Order'],
        context: {},
        debug: 'Traceback ...',
      });
    const failure = json2().call({ model: 'purchase.order', method: 'write', ids: [1] });
    await expect(failure).rejects.toBeInstanceOf(OdooServerError);
    await expect(json2().call({ model: 'purchase.order', method: 'write' })).rejects.toMatchObject({
      status: 403,
      retriable: false,
      odooErrorName: 'odoo.exceptions.AccessError',
    });
  });

  it('turns an invalid API key into an OdooAuthenticationError', async () => {
    handler = (_seen, response) =>
      reply(response, 401, { name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' });
    await expect(json2().call({ model: 'res.partner', method: 'read' })).rejects.toBeInstanceOf(
      OdooAuthenticationError,
    );
  });

  it('exposes Retry-After of a 429 and calls it retriable', async () => {
    handler = (_seen, response) =>
      reply(response, 429, 'Too Many Requests', { 'Retry-After': '3' });
    await expect(json2().call({ model: 'res.partner', method: 'read' })).rejects.toMatchObject({
      name: 'OdooHttpError',
      status: 429,
      retryAfterMs: 3000,
      retriable: true,
    });
  });

  it('calls a proxy 503 page retriable', async () => {
    handler = (_seen, response) => {
      response.writeHead(503, { 'Content-Type': 'text/html' });
      response.end('<html>maintenance</html>');
    };
    const failure = json2().call({ model: 'res.partner', method: 'read' });
    await expect(failure).rejects.toBeInstanceOf(OdooHttpError);
    await expect(json2().call({ model: 'res.partner', method: 'read' })).rejects.toMatchObject({
      status: 503,
      retriable: true,
    });
  });

  it('refuses a 200 that is not JSON', async () => {
    handler = (_seen, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>login</html>');
    };
    await expect(json2().call({ model: 'res.partner', method: 'read' })).rejects.toBeInstanceOf(
      OdooProtocolError,
    );
  });

  it('gives up after the timeout with ETIMEDOUT', async () => {
    handler = (_seen, response) => {
      setTimeout(() => reply(response, 200, []), 2_000).unref();
    };
    await expect(json2().call({ model: 'res.partner', method: 'read' })).rejects.toMatchObject({
      name: 'OdooUnreachableError',
      code: 'ETIMEDOUT',
      retriable: true,
    });
  });

  it('reports a refused connection with ECONNREFUSED, not as a TypeError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new Json2Client({
      url: `http://127.0.0.1:${port}`,
      database: undefined,
      apiKey: 'k',
      timeoutMs: 1_000,
      userAgent: 'ferry-test',
    });
    const failure = client.call({ model: 'res.partner', method: 'read' });
    await expect(failure).rejects.toBeInstanceOf(OdooUnreachableError);
    await expect(client.call({ model: 'res.partner', method: 'read' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

const jsonRpc = () =>
  new JsonRpcClient({
    url: baseUrl,
    database: 'shop',
    login: 'ferry',
    password: 'secret',
    timeoutMs: 500,
  });

interface RpcBody {
  readonly id: number;
  readonly params: { readonly service: string; readonly method: string; readonly args: unknown[] };
}

describe('JsonRpcClient', () => {
  it('authenticates once, then calls object.execute_kw with ids first in args', async () => {
    handler = (request, response) => {
      const body = request.body as RpcBody;
      const result = body.params.service === 'common' ? 2 : [{ id: 1 }];
      reply(response, 200, { jsonrpc: '2.0', id: body.id, result });
    };
    const client = jsonRpc();
    await client.call({
      model: 'purchase.order',
      method: 'read',
      ids: [1],
      params: { fields: ['name'] },
    });
    await client.call({ model: 'purchase.order', method: 'search_read', params: { limit: 1 } });
    const bodies = seen.map((s) => (s.body as RpcBody).params);
    expect(seen.every((s) => s.url === '/jsonrpc')).toBe(true);
    expect(bodies).toEqual([
      { service: 'common', method: 'authenticate', args: ['shop', 'ferry', 'secret', {}] },
      {
        service: 'object',
        method: 'execute_kw',
        args: ['shop', 2, 'secret', 'purchase.order', 'read', [[1]], { fields: ['name'] }],
      },
      {
        service: 'object',
        method: 'execute_kw',
        args: ['shop', 2, 'secret', 'purchase.order', 'search_read', [], { limit: 1 }],
      },
    ]);
  });

  it('refuses a failed login as an authentication error', async () => {
    handler = (request, response) =>
      reply(response, 200, { jsonrpc: '2.0', id: (request.body as RpcBody).id, result: false });
    await expect(jsonRpc().call({ model: 'res.partner', method: 'read' })).rejects.toBeInstanceOf(
      OdooAuthenticationError,
    );
  });

  it('gives errors in a 200 body the status JSON-2 would have used', async () => {
    handler = (request, response) => {
      const body = request.body as RpcBody;
      if (body.params.service === 'common')
        return reply(response, 200, { jsonrpc: '2.0', id: body.id, result: 2 });
      reply(response, 200, {
        jsonrpc: '2.0',
        id: body.id,
        error: {
          code: 200,
          message: 'Odoo Server Error',
          data: { name: 'odoo.exceptions.ValidationError', message: 'bad quantity' },
        },
      });
    };
    await expect(jsonRpc().call({ model: 'stock.quant', method: 'create' })).rejects.toMatchObject({
      status: 422,
      retriable: false,
      odooErrorName: 'odoo.exceptions.ValidationError',
      odooMessage: 'bad quantity',
    });
  });

  it('calls an unknown server exception a retriable 500', async () => {
    handler = (request, response) => {
      const body = request.body as RpcBody;
      if (body.params.service === 'common')
        return reply(response, 200, { jsonrpc: '2.0', id: body.id, result: 2 });
      reply(response, 200, {
        jsonrpc: '2.0',
        id: body.id,
        error: { code: 200, message: 'Odoo Server Error', data: { name: 'builtins.KeyError' } },
      });
    };
    await expect(jsonRpc().call({ model: 'x', method: 'y' })).rejects.toMatchObject({
      status: 500,
      retriable: true,
    });
  });
});

describe('createOdooClient', () => {
  const config = {
    odooUrl: 'http://odoo',
    odooProtocol: 'jsonrpc' as const,
    odooDatabase: '',
    odooLogin: '',
    odooApiKey: 'k',
    odooTimeoutMs: 1000,
    odooRequestsPerSecond: 5,
  };

  it('selects the protocol from the configuration', () => {
    expect(createOdooClient({ ...config, odooProtocol: 'json2' })).toBeInstanceOf(Json2Client);
    expect(createOdooClient({ ...config, odooDatabase: 'db', odooLogin: 'me' })).toBeInstanceOf(
      JsonRpcClient,
    );
  });

  it('refuses JSON-RPC without database and login', () => {
    expect(() => createOdooClient(config)).toThrow(/ODOO_DATABASE.*ODOO_LOGIN/);
  });
});
