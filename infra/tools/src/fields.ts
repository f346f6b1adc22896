/**
 * An event's own fields as the generators take them on the command line,
 * `priceListId:string,amount:decimal(18,4),validFrom:timestamp,note:string?`, and what each is in
 * Avro, in TypeScript, in Postgres and to the state upsert.
 */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** `?` after the type: the value may be null (an Avro union with null, default null). */
  readonly optional: boolean;
}

export type FieldType =
  | { readonly kind: 'string' | 'int' | 'long' | 'double' | 'boolean' }
  | { readonly kind: 'timestamp' | 'date' | 'uuid' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number };

const SIMPLE = ['string', 'int', 'long', 'double', 'boolean', 'timestamp', 'date', 'uuid'] as const;
const NAME = /^[a-z][A-Za-z0-9]*$/;
const ENVELOPE = new Set(['eventId', 'entityId', 'sourceSystem', 'sourceVersion', 'occurredAt']);

/** The fields of `text`; throws a RangeError naming every field it cannot read. */
export function parseFields(text: string): FieldSpec[] {
  const problems: string[] = [];
  const fields = text
    .split(/,(?![^(]*\))/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part): FieldSpec[] => {
      const match = /^([^:]+):\s*([a-z]+)(?:\((\d+)\s*,\s*(\d+)\))?(\?)?$/.exec(part);
      const [, name = '', kind = '', precision, scale, optional] = match ?? [];
      if (!match || !NAME.test(name)) {
        problems.push(`"${part}" is not name:type (a camelCase name, then a type)`);
        return [];
      }
      if (ENVELOPE.has(name)) {
        problems.push(`"${name}" is an envelope field; every event has it already`);
        return [];
      }
      const type = fieldType(kind, precision, scale);
      if (type === undefined) {
        problems.push(
          `"${part}": the type is one of ${SIMPLE.join(', ')}, decimal(precision,scale)`,
        );
        return [];
      }
      return [{ name, type, optional: optional === '?' }];
    });
  const names = fields.map((field) => field.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0)
    problems.push(`fields named twice: ${[...new Set(repeated)].join(', ')}`);
  if (fields.length === 0 && problems.length === 0) problems.push('no fields given');
  if (problems.length > 0) throw new RangeError(`--fields: ${problems.join('; ')}`);
  return fields;
}

function fieldType(
  kind: string,
  precision: string | undefined,
  scale: string | undefined,
): FieldType | undefined {
  if (kind === 'decimal') {
    const p = Number(precision);
    const s = Number(scale);
    return precision !== undefined && p >= 1 && p <= 38 && s <= p
      ? { kind, precision: p, scale: s }
      : undefined;
  }
  if (precision !== undefined) return undefined;
  return (SIMPLE as readonly string[]).includes(kind) ? ({ kind } as FieldType) : undefined;
}

/** The field's Avro type (with its null union when optional). */
export function avroType(field: FieldSpec): unknown {
  const base = ((): unknown => {
    const { type } = field;
    switch (type.kind) {
      case 'timestamp':
        return { type: 'long', logicalType: 'timestamp-millis' };
      case 'date':
        return { type: 'int', logicalType: 'date' };
      case 'uuid':
        return { type: 'string', logicalType: 'uuid' };
      case 'decimal':
        return {
          type: 'bytes',
          logicalType: 'decimal',
          precision: type.precision,
          scale: type.scale,
        };
      default:
        return type.kind;
    }
  })();
  return field.optional ? ['null', base] : base;
}

/** How a simple kind is stored: its Postgres column type and how `stateUpsert` sends it. */
const STORAGE: Readonly<Record<Exclude<FieldType['kind'], 'decimal'>, readonly [string, string]>> =
  {
    string: ['text', 'text'],
    int: ['integer', 'integer'],
    long: ['bigint', 'bigint'],
    double: ['double precision', 'double'],
    boolean: ['boolean', 'boolean'],
    timestamp: ['timestamptz', 'timestamptz'],
    date: ['date', 'date'],
    uuid: ['uuid', 'uuid'],
  };

/** The Postgres column type of the field's value. */
export function postgresType(field: FieldSpec): string {
  const { type } = field;
  return type.kind === 'decimal'
    ? `numeric(${type.precision},${type.scale})`
    : STORAGE[type.kind][0];
}

/** How `stateUpsert` sends the field (`column('<this>', …)`). */
export function stateColumnType(field: FieldSpec): string {
  const { type } = field;
  return type.kind === 'decimal' ? 'numeric' : STORAGE[type.kind][1];
}

/** A value of the field for a test event: deterministic, different for each `n`. */
export function exampleValue(field: FieldSpec, n: number): string {
  const { type } = field;
  switch (type.kind) {
    case 'string':
      return `'${field.name}-${n}'`;
    case 'int':
    case 'long':
      return String(n);
    case 'double':
      return `${n}.5`;
    case 'boolean':
      return n % 2 === 0 ? 'true' : 'false';
    case 'timestamp':
      return `Date.parse('2026-12-0${(n % 9) + 1}T12:00:00Z')`;
    case 'date':
      return `'2026-12-0${(n % 9) + 1}'`;
    case 'uuid':
      return `'00000000-0000-4000-8000-${String(n).padStart(12, '0')}'`;
    case 'decimal':
      return type.scale === 0 ? `'${n}'` : `'${n}.${'5'.padEnd(type.scale, '0')}'`;
  }
}
