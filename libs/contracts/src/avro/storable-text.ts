import { types, type Type } from 'avsc';

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why `text` cannot travel in a Ferry event, or undefined when it can. Postgres refuses U+0000 in
 * `text` and `jsonb`, so a projection would dead-letter the event; a lone surrogate (half of a
 * UTF-16 pair, `String.prototype.isWellFormed` false) has no UTF-8 form, so Avro would write
 * U+FFFD and the event would change on its way. Requests are checked with this rule where text
 * enters, and every contract checks every string of an event with it.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain U+0000 (NUL)';
  // Under the `u` flag a well-formed pair is one code point, so \p{Cs} matches only a lone half.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (holds a lone surrogate)';
  return undefined;
}

/**
 * `path: problem` for every string of `value` (an Avro-valid value of `type`) that breaks
 * `textProblem`, map keys included. Follows the schema, so an undeclared property, which Avro
 * never writes, is not looked at. Logical types (uuid, decimal, date) check their own text.
 */
export function unstorableText(type: Type, value: unknown, path = ''): string[] {
  if (type instanceof types.StringType) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    return problem === undefined ? [] : [`${path || '(root)'}: ${problem}`];
  }
  if (type instanceof types.RecordType && isObject(value)) {
    return type.fields.flatMap((field) =>
      unstorableText(field.type, value[field.name], joinPath(path, field.name)),
    );
  }
  if (type instanceof types.ArrayType && Array.isArray(value)) {
    return value.flatMap((item, index) =>
      unstorableText(type.itemsType, item, `${path}[${index}]`),
    );
  }
  if (type instanceof types.MapType && isObject(value)) {
    const valuesType = type.valuesType as Type;
    return Object.entries(value).flatMap(([key, item]) => {
      const keyPath = `${path}[${JSON.stringify(key)}]`;
      const keyProblem = textProblem(key);
      return [
        ...(keyProblem === undefined ? [] : [`${keyPath} (key): ${keyProblem}`]),
        ...unstorableText(valuesType, item, keyPath),
      ];
    });
  }
  if (type instanceof types.UnwrappedUnionType) {
    const branch = type.types.find((candidate) => candidate.isValid(value));
    return branch === undefined ? [] : unstorableText(branch, value, path);
  }
  if (type instanceof types.WrappedUnionType && isObject(value)) {
    const [name, item] = Object.entries(value)[0] ?? [];
    const branch = type.types.find((candidate) => candidate.branchName === name);
    return branch === undefined ? [] : unstorableText(branch, item, path);
  }
  return [];
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `lines[0].sku`, the way request problems name fields too. */
export function joinPath(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}
