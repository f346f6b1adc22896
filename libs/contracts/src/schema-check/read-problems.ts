import { types, type Type } from 'avsc';
import { describeType, enumDefault, mapValues, unionBranches } from './avro-types';

/**
 * Why data written with one schema cannot be read with another, located at a field path such as
 * `onHand`, `customer.email` or `lines[].quantity` (`[]` array items, `{}` map values; `''` the
 * event itself).
 */
export type ReadProblem =
  | { readonly kind: 'missing-field'; readonly field: string }
  | {
      readonly kind: 'type-changed';
      readonly field: string;
      readonly readerType: string;
      readonly writerType: string;
    }
  | {
      readonly kind: 'unknown-symbols';
      readonly field: string;
      readonly symbols: readonly string[];
    };

/** Avro's promotions: the reader's primitive type reads data written as any of these. */
const Promotions: Readonly<Record<string, readonly string[]>> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  string: ['bytes'],
  bytes: ['string'],
};

function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function typeChanged(field: string, reader: Type, writer: Type): ReadProblem {
  let readerType = describeType(reader);
  let writerType = describeType(writer);
  if (readerType === writerType) {
    readerType = describeType(reader, true);
    writerType = describeType(writer, true);
  }
  return { kind: 'type-changed', field, readerType, writerType };
}

function namesMatch(reader: Type, writer: Type): boolean {
  if (writer.name === undefined) return true;
  return [reader.name, ...(reader.aliases ?? [])].includes(writer.name);
}

/** Records being compared further up, so that recursive schemas end. */
type Visiting = Set<string>;

function readRecord(
  reader: types.RecordType,
  writer: types.RecordType,
  path: string,
  visiting: Visiting,
): ReadProblem[] {
  if (!namesMatch(reader, writer)) return [typeChanged(path, reader, writer)];
  const key = `${reader.name ?? ''}<-${writer.name ?? ''}`;
  if (visiting.has(key)) return [];
  visiting.add(key);
  try {
    const writerFields = new Map(writer.fields.map((field) => [field.name, field]));
    return reader.fields.flatMap((field): ReadProblem[] => {
      const fieldPath = childPath(path, field.name);
      const source = [field.name, ...field.aliases]
        .map((name) => writerFields.get(name))
        .find((candidate) => candidate !== undefined);
      if (source) return readProblems(field.type, source.type, fieldPath, visiting);
      const fallback: unknown = field.defaultValue();
      return fallback === undefined ? [{ kind: 'missing-field', field: fieldPath }] : [];
    });
  } finally {
    visiting.delete(key);
  }
}

function readEnum(reader: types.EnumType, writer: types.EnumType, path: string): ReadProblem[] {
  if (!namesMatch(reader, writer)) return [typeChanged(path, reader, writer)];
  const symbols = writer.symbols.filter((symbol) => !reader.symbols.includes(symbol));
  return symbols.length > 0 && enumDefault(reader) === undefined
    ? [{ kind: 'unknown-symbols', field: path, symbols }]
    : [];
}

/** Every branch the writer may have used must be readable. */
function readFromUnion(
  reader: Type,
  writer: Type,
  branches: readonly Type[],
  path: string,
  visiting: Visiting,
): ReadProblem[] {
  const problems = branches.flatMap((branch) => readProblems(reader, branch, path, visiting));
  const atThisField = problems.filter((p) => p.kind === 'type-changed' && p.field === path);
  if (atThisField.length === 0) return problems;
  return [typeChanged(path, reader, writer), ...problems.filter((p) => !atThisField.includes(p))];
}

/** Like avsc, the first reader branch that reads the writer's type is used. */
function readIntoUnion(
  reader: Type,
  branches: readonly Type[],
  writer: Type,
  path: string,
  visiting: Visiting,
): ReadProblem[] {
  if (branches.some((branch) => readProblems(branch, writer, path, visiting).length === 0)) {
    return [];
  }
  const sameKind = branches.find(
    (branch) => branch.typeName === writer.typeName && branch.name === writer.name,
  );
  return sameKind
    ? readProblems(sameKind, writer, path, visiting)
    : [typeChanged(path, reader, writer)];
}

function readProblems(reader: Type, writer: Type, path: string, visiting: Visiting): ReadProblem[] {
  const writerBranches = unionBranches(writer);
  if (writerBranches) return readFromUnion(reader, writer, writerBranches, path, visiting);
  const readerBranches = unionBranches(reader);
  if (readerBranches) return readIntoUnion(reader, readerBranches, writer, path, visiting);
  if (reader instanceof types.RecordType && writer instanceof types.RecordType) {
    return readRecord(reader, writer, path, visiting);
  }
  if (reader instanceof types.EnumType && writer instanceof types.EnumType) {
    return readEnum(reader, writer, path);
  }
  if (reader instanceof types.ArrayType && writer instanceof types.ArrayType) {
    return readProblems(reader.itemsType, writer.itemsType, `${path}[]`, visiting);
  }
  if (reader instanceof types.MapType && writer instanceof types.MapType) {
    return readProblems(mapValues(reader), mapValues(writer), `${path}{}`, visiting);
  }
  if (reader instanceof types.FixedType && writer instanceof types.FixedType) {
    const same = reader.size === writer.size && namesMatch(reader, writer);
    return same ? [] : [typeChanged(path, reader, writer)];
  }
  const named = [reader, writer].some((type) => type.name !== undefined);
  const readable =
    !named &&
    (reader.typeName === writer.typeName ||
      (Promotions[reader.typeName]?.includes(writer.typeName) ?? false));
  return readable ? [] : [typeChanged(path, reader, writer)];
}

/**
 * Walks `reader` against `writer` the way Avro schema resolution does, and says at which fields
 * data written with `writer` cannot be read with `reader`. It names causes only: whether data
 * can be read at all is avsc's `createResolver` to decide.
 */
export function findReadProblems(reader: Type, writer: Type): ReadProblem[] {
  return readProblems(reader, writer, '', new Set());
}
