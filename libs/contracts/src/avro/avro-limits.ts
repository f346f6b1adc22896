import { types, type Type } from 'avsc';
import { DecimalType } from './logical-types';

/**
 * The largest magnitude of an Avro `long` that Ferry writes: avsc refuses ±(2^53 − 1) itself (it
 * could not tell it from a rounded larger long), so the limit is one below Number.MAX_SAFE_INTEGER.
 * Request schemas cap their integers with it, so a too-large one is refused field by field.
 */
export const AVRO_LONG_MAX = Number.MAX_SAFE_INTEGER - 1;

/** The type a value failed, in words a client can act on: `decimal(18,4)`, `long (…)`. */
export function describeAvroType(type: Type): string {
  if (type instanceof DecimalType) return `decimal(${type.precision},${type.scale})`;
  if (type instanceof types.LogicalType) return type.typeName.replace(/^logical:/, '');
  if (type instanceof types.LongType) return `long (an integer within ±${AVRO_LONG_MAX})`;
  if (type instanceof types.IntType) return 'int (an integer within ±2147483647)';
  if (type instanceof types.UnwrappedUnionType || type instanceof types.WrappedUnionType)
    return type.types.map(describeAvroType).join(' or ');
  if (type instanceof types.EnumType) return `one of ${type.symbols.join(', ')}`;
  if (type instanceof types.RecordType) return `${type.name?.split('.').pop() ?? 'record'} record`;
  return type.typeName;
}
