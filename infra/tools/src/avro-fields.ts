import type { FieldSpec, FieldType } from './fields';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseType(type: Json): FieldType | undefined {
  if (typeof type === 'string')
    return ['string', 'int', 'long', 'double', 'boolean'].includes(type)
      ? ({ kind: type } as FieldType)
      : undefined;
  if (!isObject(type)) return undefined;
  const logical = type['logicalType'];
  if (type['type'] === 'long' && logical === 'timestamp-millis') return { kind: 'timestamp' };
  if (type['type'] === 'int' && logical === 'date') return { kind: 'date' };
  if (type['type'] === 'string' && logical === 'uuid') return { kind: 'uuid' };
  if (type['type'] === 'bytes' && logical === 'decimal') {
    const { precision, scale } = type;
    return typeof precision === 'number'
      ? { kind: 'decimal', precision, scale: typeof scale === 'number' ? scale : 0 }
      : undefined;
  }
  // An enum's symbol is its text.
  if (type['type'] === 'enum') return { kind: 'string' };
  return baseType(type['type']);
}

/**
 * The field of a schema as a column: a primitive, a logical type, an enum, or one of those or
 * null; undefined for what has no one column (records, arrays, maps, other unions).
 */
export function fieldOfAvro(field: Json): FieldSpec | undefined {
  if (!isObject(field) || typeof field['name'] !== 'string') return undefined;
  const { name, type } = field;
  if (Array.isArray(type)) {
    const others = type.filter((member) => member !== 'null');
    if (others.length !== 1 || others.length === type.length) return undefined;
    const base = baseType(others[0]);
    return base && { name, type: base, optional: true };
  }
  const base = baseType(type);
  return base && { name, type: base, optional: false };
}
