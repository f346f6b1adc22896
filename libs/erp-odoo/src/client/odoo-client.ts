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
