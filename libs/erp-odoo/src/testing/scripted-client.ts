import type { OdooCall, OdooClient } from '../client/odoo-client';

/**
 * An OdooClient for unit tests: answers each `model.method` from a handler and records every
 * call, so tests check what would have been sent to Odoo.
 */
export class ScriptedOdooClient implements OdooClient {
  readonly calls: OdooCall[] = [];

  constructor(private readonly handlers: Readonly<Record<string, (call: OdooCall) => unknown>>) {}

  call(call: OdooCall): Promise<unknown> {
    this.calls.push(call);
    const handler = this.handlers[`${call.model}.${call.method}`];
    if (!handler) return Promise.reject(new Error(`unexpected call ${call.model}.${call.method}`));
    try {
      return Promise.resolve(handler(call));
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  methods(): string[] {
    return this.calls.map((c) => `${c.model}.${c.method}`);
  }
}
