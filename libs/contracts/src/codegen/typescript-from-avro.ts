import { FerryError } from '@ferry/failures';
/**
 * Turns one Avro record schema into TypeScript declarations: an interface per record, a string
 * union per enum. Names get the schema version as suffix (`InventoryLevelSetV2`) so that every
 * version of an event can live side by side. Only what Ferry's schemas use is supported; anything
 * else is refused with the path of the field, rather than typed loosely.
 */
export class UnsupportedSchemaError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

const PRIMITIVES: Readonly<Record<string, string>> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  string: 'string',
  bytes: 'Buffer',
};

/** Logical types whose values Ferry represents as strings (exact decimals, ISO dates, UUIDs). */
const LOGICAL: Readonly<Record<string, string>> = {
  decimal: 'string',
  date: 'string',
  uuid: 'string',
  'timestamp-millis': 'number',
  'timestamp-micros': 'number',
};

export interface DeclaredName {
  readonly tsName: string;
  readonly kind: 'record' | 'enum';
}

interface Emitter {
  readonly suffix: string;
  readonly declarations: string[];
  readonly names: Map<string, DeclaredName>;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function docComment(doc: Json, indent = ''): string {
  return typeof doc === 'string' ? `${indent}/** ${doc.replace(/\*\//g, '* /')} */\n` : '';
}

function typeOf(schema: Json, emitter: Emitter, path: string): string {
  if (typeof schema === 'string') {
    const primitive = PRIMITIVES[schema];
    if (primitive) return primitive;
    const named = emitter.names.get(schema.split('.').pop() ?? schema);
    if (named) return named.tsName;
    throw new UnsupportedSchemaError(`${path}: unknown type ${schema}`);
  }
  if (Array.isArray(schema)) return unionOf(schema, emitter, path);
  if (!isObject(schema)) throw new UnsupportedSchemaError(`${path}: not a schema`);
  const logical = schema['logicalType'];
  if (typeof logical === 'string' && LOGICAL[logical]) return LOGICAL[logical];
  switch (schema['type']) {
    case 'record':
      return declareRecord(schema, emitter, path);
    case 'enum':
      return declareEnum(schema, emitter, path);
    case 'array':
      return `readonly ${wrap(typeOf(schema['items'], emitter, `${path}[]`))}[]`;
    case 'map':
      return `Readonly<Record<string, ${typeOf(schema['values'], emitter, `${path}{}`)}>>`;
    default:
      return typeOf(schema['type'], emitter, path);
  }
}

function wrap(type: string): string {
  return /[|\s]/.test(type) ? `(${type})` : type;
}

function unionOf(branches: Json[], emitter: Emitter, path: string): string {
  const nonNull = branches.filter((branch) => branch !== 'null');
  if (nonNull.length !== 1 || branches.length > 2) {
    throw new UnsupportedSchemaError(`${path}: only unions of null and one type are supported`);
  }
  const inner = typeOf(nonNull[0], emitter, path);
  return branches.length === 2 ? `${inner} | null` : inner;
}

function declareRecord(schema: Record<string, Json>, emitter: Emitter, path: string): string {
  const name = `${String(schema['name'])}${emitter.suffix}`;
  emitter.names.set(String(schema['name']), { tsName: name, kind: 'record' });
  const fields = schema['fields'];
  if (!Array.isArray(fields)) throw new UnsupportedSchemaError(`${path}: record without fields`);
  const lines = fields.map((field: Json) => {
    if (!isObject(field)) throw new UnsupportedSchemaError(`${path}: bad field`);
    const fieldName = String(field['name']);
    return `${docComment(field['doc'], '  ')}  readonly ${fieldName}: ${typeOf(field['type'], emitter, `${path}.${fieldName}`)};`;
  });
  emitter.declarations.push(
    `${docComment(schema['doc'])}export interface ${name} {\n${lines.join('\n')}\n}`,
  );
  return name;
}

function declareEnum(schema: Record<string, Json>, emitter: Emitter, path: string): string {
  const name = `${String(schema['name'])}${emitter.suffix}`;
  emitter.names.set(String(schema['name']), { tsName: name, kind: 'enum' });
  const symbols = schema['symbols'];
  if (!Array.isArray(symbols) || symbols.length === 0)
    throw new UnsupportedSchemaError(`${path}: enum without symbols`);
  const literals = symbols.map((symbol) => JSON.stringify(String(symbol)));
  emitter.declarations.push(
    `${docComment(schema['doc'])}export const ${name}Symbols = [${literals.join(', ')}] as const;\n` +
      `export type ${name} = (typeof ${name}Symbols)[number];`,
  );
  return name;
}

export interface GeneratedTypes {
  /** TypeScript name of the top-level record. */
  readonly rootName: string;
  /** Avro names of every record and enum declared, mapped to their TypeScript names. */
  readonly names: ReadonlyMap<string, DeclaredName>;
  readonly source: string;
}

export function typescriptFromAvro(schema: Json, suffix: string): GeneratedTypes {
  const emitter: Emitter = { suffix, declarations: [], names: new Map() };
  if (!isObject(schema) || schema['type'] !== 'record')
    throw new UnsupportedSchemaError('top level must be a record');
  const rootName = declareRecord(schema, emitter, String(schema['name']));
  return { rootName, names: emitter.names, source: emitter.declarations.join('\n\n') };
}
