import type { SimClock } from '../clock';
import { BUSINESS_METHODS } from './business-methods';
import { accessError, OdooError, typeError, valueError } from './odoo-errors';
import type { OdooOrm, ReadLoad } from './orm';
import { createCountedQuant, isInventoryMode, writeCountedQuants } from './quant-inventory';

/** The methods that change data: what "count the writes" means in tests. */
export const WRITE_METHODS: ReadonlySet<string> = new Set([
  'create',
  'write',
  'unlink',
  ...Object.values(BUSINESS_METHODS).flatMap((methods) => Object.keys(methods)),
]);

interface MethodSignature {
  /** Parameters after the records, in Python order. */
  readonly params: readonly string[];
  readonly required: readonly string[];
  /** `@api.model`: called without records. */
  readonly apiModel: boolean;
  readonly run: (call: BoundCall) => unknown;
}

interface BoundCall {
  readonly orm: OdooOrm;
  readonly clock: SimClock;
  readonly model: string;
  readonly ids: readonly number[];
  readonly args: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
}

const optionalNumber = (value: unknown, name: string): number | undefined => {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value !== 'number')
    throw valueError(`${name} must be an integer, got ${JSON.stringify(value)}`);
  return value;
};

const fieldList = (value: unknown): string[] | undefined => {
  if (value === undefined || value === null || value === false) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw valueError(`fields must be a list of field names, got ${JSON.stringify(value)}`);
  return value;
};

const searchOptions = (call: BoundCall) => {
  const offset = optionalNumber(call.args['offset'], 'offset');
  const limit = optionalNumber(call.args['limit'], 'limit');
  const order = call.args['order'];
  return {
    ...(offset === undefined ? {} : { offset }),
    ...(limit === undefined ? {} : { limit }),
    ...(typeof order === 'string' && order ? { order } : {}),
    ...(call.context['active_test'] === false ? { activeTest: false } : {}),
  };
};

const asDict = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw valueError(`Expected a dictionary of values, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
};

const readLoad = (value: unknown): ReadLoad =>
  value === undefined || value === '_classic_read' ? '_classic_read' : null;

const ORM_METHODS: Readonly<Record<string, MethodSignature>> = {
  search_read: {
    params: ['domain', 'fields', 'offset', 'limit', 'order', 'load'],
    required: [],
    apiModel: true,
    run: (call) => {
      const ids = call.orm.search(call.model, call.args['domain'], searchOptions(call));
      return call.orm.read(
        call.model,
        ids,
        fieldList(call.args['fields']),
        readLoad(call.args['load']),
      );
    },
  },
  search: {
    params: ['domain', 'offset', 'limit', 'order'],
    required: ['domain'],
    apiModel: true,
    run: (call) => call.orm.search(call.model, call.args['domain'], searchOptions(call)),
  },
  search_count: {
    params: ['domain', 'limit'],
    required: ['domain'],
    apiModel: true,
    run: (call) => {
      const options = searchOptions(call);
      return call.orm.search(call.model, call.args['domain'], { ...options, order: 'id' }).length;
    },
  },
  read: {
    params: ['fields', 'load'],
    required: [],
    apiModel: false,
    run: (call) =>
      call.orm.read(
        call.model,
        call.ids,
        fieldList(call.args['fields']),
        readLoad(call.args['load']),
      ),
  },
  create: {
    params: ['vals_list'],
    required: ['vals_list'],
    apiModel: true,
    run: (call) => {
      const vals = call.args['vals_list'];
      const createOne = (one: unknown): number =>
        call.model === 'stock.quant' && isInventoryMode(call.context)
          ? createCountedQuant(call.orm, asDict(one), call.clock.now())
          : call.orm.create(call.model, one);
      // A single dict creates one record and returns its id; a list returns the list of ids.
      if (!Array.isArray(vals)) return createOne(vals);
      return call.orm.atomic(() => vals.map(createOne));
    },
  },
  write: {
    params: ['vals'],
    required: ['vals'],
    apiModel: false,
    run: (call) => {
      if (call.model === 'stock.quant' && isInventoryMode(call.context))
        writeCountedQuants(call.orm, call.ids, asDict(call.args['vals']));
      else call.orm.write(call.model, call.ids, call.args['vals']);
      return true;
    },
  },
  unlink: {
    params: [],
    required: [],
    apiModel: false,
    run: (call) => {
      call.orm.unlink(call.model, call.ids);
      return true;
    },
  },
  fields_get: {
    params: ['allfields', 'attributes'],
    required: [],
    apiModel: true,
    run: (call) => {
      const all = call.orm.fieldsGet(call.model);
      const only = fieldList(call.args['allfields']);
      const attributes = fieldList(call.args['attributes']);
      return Object.fromEntries(
        Object.entries(all)
          .filter(([name]) => !only || only.includes(name))
          .map(([name, description]) => [
            name,
            attributes
              ? Object.fromEntries(
                  Object.entries(description).filter(([key]) => attributes.includes(key)),
                )
              : description,
          ]),
      );
    },
  },
};

function signatureOf(orm: OdooOrm, model: string, method: string): MethodSignature {
  if (method.startsWith('_'))
    throw accessError(`Private methods (such as '${method}') cannot be called remotely.`);
  const generic = ORM_METHODS[method];
  if (generic) return generic;
  const business = BUSINESS_METHODS[model]?.[method];
  if (business) {
    return {
      params: [],
      required: [],
      apiModel: false,
      run: (call) => business(call.orm, call.ids, call.clock, call.context),
    };
  }
  throw new OdooError(
    'builtins.AttributeError',
    `The method '${model}.${method}' does not exist`,
    404,
  );
}

export interface ModelCall {
  readonly model: string;
  readonly method: string;
  /** Records, for record methods (JSON-2 `ids`; JSON-RPC's first positional argument). */
  readonly ids?: unknown;
  readonly positional?: readonly unknown[];
  readonly named?: Readonly<Record<string, unknown>>;
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * Binds arguments the way Python binds them to the method's signature (positional, then named;
 * unknown or doubled names are a TypeError) and runs the method.
 */
export function callModelMethod(orm: OdooOrm, clock: SimClock, call: ModelCall): unknown {
  const signature = signatureOf(orm, call.model, call.method);
  const positional = [...(call.positional ?? [])];
  let ids: readonly number[] = [];
  if (!signature.apiModel) {
    const rawIds = call.ids !== undefined ? call.ids : positional.shift();
    ids = toIds(rawIds);
  } else if (call.ids !== undefined && toIds(call.ids).length > 0) {
    throw typeError(`cannot call ${call.model}.${call.method} with ids`);
  }
  if (positional.length > signature.params.length) {
    throw typeError(
      `${call.method}() takes ${signature.params.length + 1} positional arguments but ${positional.length + 1} were given`,
    );
  }
  const args: Record<string, unknown> = {};
  positional.forEach((value, index) => {
    args[signature.params[index] as string] = value;
  });
  for (const [name, value] of Object.entries(call.named ?? {})) {
    if (!signature.params.includes(name))
      throw typeError(`${call.method}() got an unexpected keyword argument '${name}'`);
    if (name in args)
      throw typeError(`${call.method}() got multiple values for argument '${name}'`);
    args[name] = value;
  }
  for (const name of signature.required) {
    if (!(name in args))
      throw typeError(`${call.method}() missing 1 required positional argument: '${name}'`);
  }
  const bound = { orm, clock, model: call.model, ids, args, context: call.context ?? {} };
  return orm.atomic(() => signature.run(bound));
}

function toIds(value: unknown): number[] {
  if (value === undefined || value === null || value === false) return [];
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v)))
    return value as number[];
  throw valueError(`Invalid record ids: ${JSON.stringify(value)}`);
}
