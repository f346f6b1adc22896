import { z } from 'zod';
import { OdooAuthenticationError, OdooProtocolError, OdooServerError } from './errors';
import { measuredOdooCall } from './call-metrics';
import { postJson, type FetchFunction } from './http-transport';
import { jsonRpcErrorStatus } from './json-rpc-errors';
import type { OdooCall, OdooClient } from './odoo-client';

export interface JsonRpcSettings {
  readonly url: string;
  readonly database: string;
  readonly login: string;
  /** The user's password or, better, an API key (Preferences → Account Security). */
  readonly password: string;
  readonly timeoutMs: number;
}

const JsonRpcErrorSchema = z
  .object({
    error: z.object({
      code: z.number().optional(),
      message: z.string().optional(),
      data: z
        .object({ name: z.string().optional(), message: z.string().optional() })
        .loose()
        .optional(),
    }),
  })
  .loose();

/**
 * Odoo 16–18's JSON-RPC API (deprecated from 19, removed in 22): `POST /jsonrpc` with
 * `{ jsonrpc: "2.0", method: "call", params: { service, method, args } }`. The user id comes
 * from `common.authenticate` once and is kept; `object.execute_kw(db, uid, password, model,
 * method, args, kwargs)` does the work, `ids` going first in `args`. Errors come in a 200 body as
 * `error.data.name` (the Python exception).
 */
export class JsonRpcClient implements OdooClient {
  private uid: Promise<number> | undefined;
  private requestId = 0;

  constructor(
    private readonly settings: JsonRpcSettings,
    private readonly fetchFunction: FetchFunction = fetch,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Measured whole: the first call's duration includes the authentication it waits for. */
  call(call: OdooCall): Promise<unknown> {
    return measuredOdooCall(call, () => this.execute(call));
  }

  private async execute(call: OdooCall): Promise<unknown> {
    const uid = await this.authenticated();
    const kwargs = { ...call.params, ...(call.context ? { context: call.context } : {}) };
    return this.rpc('object', 'execute_kw', [
      this.settings.database,
      uid,
      this.settings.password,
      call.model,
      call.method,
      call.ids ? [call.ids] : [],
      kwargs,
    ]);
  }

  /** One authentication shared by concurrent first calls; forgotten when it fails. */
  private authenticated(): Promise<number> {
    this.uid ??= this.authenticate().catch((error: unknown) => {
      this.uid = undefined;
      throw error;
    });
    return this.uid;
  }

  private async authenticate(): Promise<number> {
    const { database, login, password } = this.settings;
    const uid = await this.rpc('common', 'authenticate', [database, login, password, {}]);
    if (typeof uid !== 'number' || uid <= 0)
      throw new OdooAuthenticationError(
        'odoo.exceptions.AccessDenied',
        `login ${login} was refused by database ${database}`,
        401,
      );
    return uid;
  }

  private async rpc(service: string, method: string, args: readonly unknown[]): Promise<unknown> {
    this.requestId += 1;
    const answer = await postJson(
      {
        url: new URL('/jsonrpc', this.settings.url).toString(),
        headers: {},
        body: {
          jsonrpc: '2.0',
          method: 'call',
          params: { service, method, args },
          id: this.requestId,
        },
        timeoutMs: this.settings.timeoutMs,
      },
      this.fetchFunction,
      this.nowMs,
    );
    if (typeof answer !== 'object' || answer === null)
      throw new OdooProtocolError('Odoo answered with no JSON-RPC result');
    const failure = JsonRpcErrorSchema.safeParse(answer);
    if (!failure.success) {
      if (!('result' in answer))
        throw new OdooProtocolError('Odoo answered with no JSON-RPC result');
      return answer.result;
    }
    const { error } = failure.data;
    const name = error.data?.name ?? 'odoo.exceptions.ServerError';
    const message = error.data?.message ?? error.message ?? '';
    const status = jsonRpcErrorStatus(name);
    const ErrorType = status === 401 ? OdooAuthenticationError : OdooServerError;
    throw new ErrorType(name, message, status);
  }
}
