import type { OdooCall, OdooClient } from './odoo-client';
import { measuredOdooCall } from './call-metrics';
import { postJson, type FetchFunction } from './http-transport';

export interface Json2Settings {
  /** Base URL, e.g. https://mycompany.odoo.com */
  readonly url: string;
  /** Sent as X-Odoo-Database; needed where one server hosts several databases. */
  readonly database: string | undefined;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/**
 * Odoo 19+'s JSON-2 API: `POST /json/2/<model>/<method>` with `Authorization: bearer <key>`; the
 * body holds `ids`, `context` and the named parameters; the answer is the bare result, errors
 * come with a real HTTP status and `{ name, message, arguments, context, debug }`.
 */
export class Json2Client implements OdooClient {
  constructor(
    private readonly settings: Json2Settings,
    private readonly fetchFunction: FetchFunction = fetch,
    private readonly nowMs: () => number = Date.now,
  ) {}

  call(call: OdooCall): Promise<unknown> {
    const path = `/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`;
    return measuredOdooCall(call, () =>
      postJson(
        {
          url: new URL(path, this.settings.url).toString(),
          headers: {
            Authorization: `bearer ${this.settings.apiKey}`,
            'User-Agent': this.settings.userAgent,
            ...(this.settings.database ? { 'X-Odoo-Database': this.settings.database } : {}),
          },
          body: {
            ...call.params,
            ...(call.ids ? { ids: call.ids } : {}),
            ...(call.context ? { context: call.context } : {}),
          },
          timeoutMs: this.settings.timeoutMs,
        },
        this.fetchFunction,
        this.nowMs,
      ),
    );
  }
}
