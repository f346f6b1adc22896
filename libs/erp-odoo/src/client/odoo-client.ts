/** Arguments of one model method call, all named (JSON-2 has no positional arguments). */
export interface OdooCall {
  readonly model: string;
  readonly method: string;
  /** Records the method runs on; omit for `@api.model` methods (search_read, create, ...). */
  readonly ids?: readonly number[];
  /** The method's other parameters by name, e.g. `{ domain, fields, limit, order }`. */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * Calls Odoo model methods over HTTP and returns the method's JSON result, unchecked: callers
 * validate it against what they need. Every call is its own Odoo transaction.
 */
export interface OdooClient {
  call(call: OdooCall): Promise<unknown>;
}

export type OdooDomain = readonly unknown[];

/** The context key under which every call of a sink write carries Ferry's correlation id. */
export const CORRELATION_CONTEXT_KEY = 'ferry_correlation_id';

/**
 * The same client, with `correlationId` (the event id that caused the write) in the context of
 * every call, so that Odoo-side logs and server actions can tie a write to its event.
 */
export function correlatedClient(client: OdooClient, correlationId: string): OdooClient {
  return {
    call: (call) =>
      client.call({
        ...call,
        context: { ...call.context, [CORRELATION_CONTEXT_KEY]: correlationId },
      }),
  };
}
