import type { JsonPath } from './json-paths';
import type { FuzzJson } from './json-text';

/** The HTTP surfaces the fuzz sends to; inventory levels single and batch are counted apart. */
export const ENDPOINTS = [
  'inventory-single',
  'inventory-batch',
  'goods-receipts',
  'shipment-status',
  'orders',
  'odoo-webhook',
] as const;

export type Endpoint = (typeof ENDPOINTS)[number];

export type Service = 'wmsAdapter' | 'orderApi' | 'erpAdapter';

export const EndpointRoutes: Readonly<
  Record<Endpoint, { readonly service: Service; readonly path: string }>
> = {
  'inventory-single': { service: 'wmsAdapter', path: '/v1/inventory-levels' },
  'inventory-batch': { service: 'wmsAdapter', path: '/v1/inventory-levels' },
  'goods-receipts': { service: 'wmsAdapter', path: '/v1/goods-receipts' },
  'shipment-status': { service: 'wmsAdapter', path: '/v1/shipment-status' },
  orders: { service: 'orderApi', path: '/api/orders' },
  'odoo-webhook': { service: 'erpAdapter', path: '/v1/erp/odoo/webhooks' },
};

/**
 * How a webhook delivery is signed: as the signing proxy does it (`valid`), not at all, with the
 * signature but no timestamp, with a secret Ferry does not know, an hour ago, or with a header
 * that is not `sha256=<64 hex>`.
 */
export type Signing =
  'valid' | 'none' | 'signature-only' | 'wrong-secret' | 'stale' | 'malformed-header';

/** What an order request after the first one of its case does with the key and the body. */
export type OrderStep =
  'retry-same-key' | 'new-key-same-order' | 'same-key-other-body' | 'new-key-other-body';

/** The change made to a case's valid baseline, as data: applied by `applyMutation`. */
export type Mutation =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly path: JsonPath; readonly value: FuzzJson }
  | {
      readonly kind: 'insert';
      readonly path: JsonPath;
      readonly text: string;
      readonly at: 'start' | 'middle' | 'end';
    }
  | { readonly kind: 'delete'; readonly path: JsonPath }
  | {
      readonly kind: 'add-key';
      readonly path: JsonPath;
      readonly key: string;
      readonly value: FuzzJson;
    }
  | { readonly kind: 'repeat'; readonly path: JsonPath; readonly count: number };

export const MALFORMED_JSON_FORMS = [
  'truncated',
  'trailing-garbage',
  'trailing-comma',
  'single-quotes',
  'unquoted-key',
  'nan-literal',
  'comment',
  'bom',
  'empty',
  'lone-brace',
] as const;

export type MalformedJson = (typeof MALFORMED_JSON_FORMS)[number];

/** How the mutated value becomes the bytes on the wire. */
export type BodyForm =
  | { readonly kind: 'json' }
  | { readonly kind: 'malformed'; readonly how: MalformedJson; readonly at: number }
  | { readonly kind: 'invalid-utf8'; readonly bytes: readonly number[] }
  | { readonly kind: 'deep-nesting'; readonly depth: number; readonly of: 'array' | 'object' }
  | { readonly kind: 'padded'; readonly toBytes: number };

/** How a case changes its baseline and sends it. */
export interface CaseDraft {
  readonly generator: GeneratorClass;
  readonly mutation: Mutation;
  readonly bodyForm: BodyForm;
  /** `null`: no Content-Type header at all. */
  readonly contentType: string | null;
  /** Orders: the first request's Idempotency-Key; `null` sends none. */
  readonly idempotencyKey?: string | null;
  /** Webhook deliveries only. */
  readonly signing?: Signing;
  /** Orders: requests that follow the first one, in order, each after the previous answer. */
  readonly followUps: readonly OrderStep[];
}

/** One fuzz case: a valid baseline of the endpoint, one change to it, and how it is sent. */
export interface FuzzCase extends CaseDraft {
  readonly index: number;
  readonly endpoint: Endpoint;
  /** The valid baseline, ids still holding `{case}`. */
  readonly template: FuzzJson;
}

/** The bytes of a request before rendering; `padded` is rendered when sent (it is large). */
export type RequestBody =
  | { readonly kind: 'json'; readonly value: FuzzJson }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'padded'; readonly value: FuzzJson; readonly toBytes: number };

/** An answer that the documentation fixes for a request, whatever else the case does. */
export interface DocumentedAnswer {
  readonly status: number;
  /** The JSON `error` of the answer; absent where only the status is fixed. */
  readonly error?: string;
}

export interface FuzzRequest {
  readonly caseIndex: number;
  readonly step: 'first' | OrderStep;
  readonly endpoint: Endpoint;
  readonly generator: GeneratorClass;
  /** The field the case changed, as the services name fields (`lines[0].unitPrice`). */
  readonly target: string;
  readonly body: RequestBody;
  readonly contentType: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly signing?: Signing;
  readonly expected?: DocumentedAnswer;
}

/** Every kind of hostile input the fuzz generates; each is asserted to appear in a plan. */
export const GENERATOR_CLASSES = [
  'valid',
  'nul',
  'control-char',
  'lone-surrogate',
  'long-string',
  'unicode',
  'blank-string',
  'int-limit',
  'fraction',
  'huge-number-token',
  'nan-ish-string',
  'decimal-digits',
  'wrong-type',
  'missing-field',
  'extra-field',
  'empty-array',
  'huge-array',
  'top-level-type',
  'deep-nesting',
  'malformed-json',
  'invalid-utf8',
  'wrong-content-type',
  'oversized-body',
  'hostile-idempotency-key',
  'unsigned',
  'bad-signature',
  'stale-signature',
  'malformed-signature',
] as const;

export type GeneratorClass = (typeof GENERATOR_CLASSES)[number];
