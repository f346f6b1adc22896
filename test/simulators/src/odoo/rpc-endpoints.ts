import type { SimClock } from '../clock';
import {
  parseJson,
  type RouteLabels,
  type SimRequest,
  type SimResponse,
} from '../http/simulator-server';
import { callModelMethod } from './model-methods';
import { accessDenied, notFound, OdooError, serializeOdooError, userError } from './odoo-errors';
import type { OdooOrm } from './orm';

export interface OdooCredentials {
  readonly database: string;
  readonly login: string;
  readonly password: string;
  readonly uid: number;
  readonly apiKey: string;
  readonly serverVersion: string;
}

export interface RpcContext {
  readonly orm: OdooOrm;
  readonly clock: SimClock;
  readonly credentials: OdooCredentials;
}

const JSON2_PATH = /^\/json\/2\/([^/]+)\/([^/]+)$/;

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** What a request is about, for the request log. */
export function labelOdooRequest(request: SimRequest): RouteLabels {
  const json2 = JSON2_PATH.exec(request.path);
  if (json2)
    return {
      api: 'json2',
      model: decodeURIComponent(json2[1] ?? ''),
      method: decodeURIComponent(json2[2] ?? ''),
    };
  if (request.path === '/jsonrpc') {
    const params = asObject(asObject(parseJson(request.rawBody))?.['params']);
    const args = asArray(params?.['args']);
    if (params?.['service'] === 'object') {
      const [, , , model, method] = args;
      return {
        api: 'jsonrpc',
        ...(typeof model === 'string' ? { model } : {}),
        ...(typeof method === 'string' ? { method } : {}),
      };
    }
    const method = params?.['method'];
    return { api: 'jsonrpc', ...(typeof method === 'string' ? { method } : {}) };
  }
  return { api: 'web' };
}

export function handleOdooRequest(request: SimRequest, rpc: RpcContext): SimResponse {
  if (request.path === '/jsonrpc' && request.httpMethod === 'POST')
    return handleJsonRpc(request, rpc);
  if (request.path === '/web/version')
    return { status: 200, json: webVersion(rpc.credentials.serverVersion) };
  if (request.path.startsWith('/json/2') && majorVersion(rpc.credentials.serverVersion) >= 19) {
    return handleJson2(request, rpc);
  }
  return { status: 404, json: { error: `no route ${request.httpMethod} ${request.path}` } };
}

function majorVersion(version: string): number {
  return Number.parseInt(version, 10);
}

function webVersion(version: string): Json {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return { version_info: [major, minor, 0, 'final', 0, ''], version };
}

// --- JSON-RPC: POST /jsonrpc, {"jsonrpc": "2.0", "method": "call", "params": {service, method, args}}

function handleJsonRpc(request: SimRequest, rpc: RpcContext): SimResponse {
  const body = asObject(parseJson(request.rawBody));
  const id = body?.['id'] ?? null;
  try {
    if (body === undefined)
      throw new OdooError('werkzeug.exceptions.BadRequest', 'Invalid JSON data', 400);
    const params = asObject(body['params']) ?? {};
    const result = dispatchService(
      String(params['service']),
      String(params['method']),
      asArray(params['args']),
      rpc,
    );
    return { status: 200, json: { jsonrpc: '2.0', id, result } };
  } catch (error: unknown) {
    // Odoo answers HTTP 200 with the error inside; `code` 200 means "server error", 404 not found.
    const notFoundError =
      error instanceof OdooError && error.odooName === 'werkzeug.exceptions.NotFound';
    return {
      status: 200,
      json: {
        jsonrpc: '2.0',
        id,
        error: {
          code: notFoundError ? 404 : 200,
          message: notFoundError ? '404: Not Found' : 'Odoo Server Error',
          data: serializeOdooError(error),
        },
      },
    };
  }
}

function dispatchService(
  service: string,
  method: string,
  args: readonly unknown[],
  rpc: RpcContext,
): unknown {
  const { credentials } = rpc;
  if (service === 'common') {
    switch (method) {
      case 'version':
        return {
          server_version: credentials.serverVersion,
          server_version_info: webVersion(credentials.serverVersion)['version_info'],
          server_serie: credentials.serverVersion,
          protocol_version: 1,
        };
      case 'login':
      case 'authenticate': {
        const [db, login, password] = args;
        checkDatabase(db, credentials);
        const valid =
          login === credentials.login &&
          (password === credentials.password || password === credentials.apiKey);
        return valid ? credentials.uid : false;
      }
      default:
        throw notFound(`The method '${method}' does not exist on service 'common'`);
    }
  }
  if (service === 'object' && (method === 'execute_kw' || method === 'execute')) {
    const [db, uid, password, model, modelMethod, ...rest] = args;
    checkDatabase(db, credentials);
    if (
      uid !== credentials.uid ||
      (password !== credentials.password && password !== credentials.apiKey)
    ) {
      throw accessDenied();
    }
    if (typeof model !== 'string' || !rpc.orm.hasModel(model))
      throw userError(`Object ${String(model)} doesn't exist`);
    const positional = method === 'execute_kw' ? asArray(rest[0]) : rest;
    const kwargs = method === 'execute_kw' ? { ...asObject(rest[1]) } : {};
    const context = asObject(kwargs['context']) ?? {};
    delete kwargs['context'];
    return callModelMethod(rpc.orm, rpc.clock, {
      model,
      method: String(modelMethod),
      positional,
      named: kwargs,
      context,
    });
  }
  throw notFound(`The method '${method}' does not exist on service '${service}'`);
}

function checkDatabase(db: unknown, credentials: OdooCredentials): void {
  if (db !== credentials.database) {
    throw new OdooError(
      'psycopg2.OperationalError',
      `FATAL:  database "${String(db)}" does not exist`,
      500,
    );
  }
}

// --- JSON-2 (Odoo 19+): POST /json/2/<model>/<method>, Authorization: bearer <api key>

function handleJson2(request: SimRequest, rpc: RpcContext): SimResponse {
  try {
    const match = JSON2_PATH.exec(request.path);
    if (!match) throw notFound('Did you mean POST /json/2/<model>/<method>?');
    if (request.httpMethod !== 'POST') {
      throw new OdooError(
        'werkzeug.exceptions.MethodNotAllowed',
        'The method is not allowed for the requested URL.',
        405,
      );
    }
    const authorization = request.headers.authorization ?? '';
    const [scheme = '', key = ''] = authorization.split(/\s+/, 2);
    if (scheme.toLowerCase() !== 'bearer' || key !== rpc.credentials.apiKey) {
      throw new OdooError('werkzeug.exceptions.Unauthorized', 'Invalid apikey', 401);
    }
    const database = request.headers['x-odoo-database'];
    if (database !== undefined && database !== rpc.credentials.database) {
      throw notFound(`database ${String(database)} not found`);
    }
    const model = decodeURIComponent(match[1] ?? '');
    const method = decodeURIComponent(match[2] ?? '');
    const body = request.rawBody.trim() === '' ? {} : parseJson(request.rawBody);
    if (body === undefined)
      throw new OdooError(
        'werkzeug.exceptions.BadRequest',
        'could not parse the body as json',
        400,
      );
    const named = asObject(body);
    if (named === undefined) {
      throw new OdooError(
        'werkzeug.exceptions.BadRequest',
        'could not parse the body, expecting a json object',
        400,
      );
    }
    if (!rpc.orm.hasModel(model)) throw notFound(`the model '${model}' does not exist`);
    const { ids, context, ...args } = named;
    const result = callModelMethod(rpc.orm, rpc.clock, {
      model,
      method,
      ...(ids === undefined ? {} : { ids }),
      named: args,
      context: asObject(context) ?? {},
    });
    return { status: 200, json: result ?? null };
  } catch (error: unknown) {
    const status = error instanceof OdooError ? error.httpStatus : 500;
    const body = serializeOdooError(error);
    return { status, json: status === 401 ? { ...body, arguments: [body.message, 401] } : body };
  }
}
