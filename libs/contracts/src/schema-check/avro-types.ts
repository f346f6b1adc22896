import { Type, types } from 'avsc';

/** The branches of a union type; undefined for any other type. */
export function unionBranches(type: Type): readonly Type[] | undefined {
  return type instanceof types.UnwrappedUnionType || type instanceof types.WrappedUnionType
    ? type.types
    : undefined;
}

/** The symbol an enum reads unknown symbols as (Avro 1.9+ enum default), if it has one. */
export function enumDefault(type: types.EnumType): string | undefined {
  // avsc keeps the enum default on the type but does not declare it in its typings.
  const value: unknown = Reflect.get(type, 'default');
  return typeof value === 'string' ? value : undefined;
}

/** The values of a map type (avsc types them as `any`). */
export function mapValues(type: types.MapType): Type {
  const values: unknown = type.valuesType;
  if (!(values instanceof Type)) throw new TypeError('avsc map type without a values type');
  return values;
}

function nameOf(type: Type, qualified: boolean): string {
  const name = type.name ?? '?';
  return qualified ? name : name.slice(name.lastIndexOf('.') + 1);
}

/**
 * A short human name of a type: `long`, `null | string`, `array of record Line`, `fixed Id(16)`.
 * Named types are shown without namespace unless `qualified`.
 */
export function describeType(type: Type, qualified = false): string {
  const describe = (inner: Type): string => describeType(inner, qualified);
  const branches = unionBranches(type);
  if (branches) return branches.map(describe).join(' | ');
  if (type instanceof types.ArrayType) return `array of ${describe(type.itemsType)}`;
  if (type instanceof types.MapType) return `map of ${describe(mapValues(type))}`;
  if (type instanceof types.FixedType) return `fixed ${nameOf(type, qualified)}(${type.size})`;
  if (type instanceof types.RecordType || type instanceof types.EnumType) {
    return `${type.typeName} ${nameOf(type, qualified)}`;
  }
  return type.typeName;
}
