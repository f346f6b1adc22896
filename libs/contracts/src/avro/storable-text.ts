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
export function unstorableText(type: Type, value: unknown): string[] {
  return mayHoldUnstorableText(type, value) ? describeUnstorableText(type, value, '') : [];
}

/** Whether a value may hold text `textProblem` refuses: no false negatives, no allocation. */
type TextScreen = (value: unknown) => boolean;

const screens = new WeakMap<Type, TextScreen | null>();

/**
 * The fast pass over every event: compiled once per type, it walks only the parts that hold
 * strings and builds no paths; a value it flags is walked again by `describeUnstorableText`,
 * which decides. It may flag more than that walk finds (every union branch is screened), never less.
 */
function mayHoldUnstorableText(type: Type, value: unknown): boolean {
  const screen = screenOf(type);
  return screen !== null && screen(value);
}

function screenOf(type: Type): TextScreen | null {
  const known = screens.get(type);
  if (known !== undefined) return known;
  // A recursive type meets itself while compiling: it is screened through this indirection.
  let compiled: TextScreen | null = null;
  screens.set(type, (value) => compiled !== null && compiled(value));
  compiled = compileScreen(type);
  screens.set(type, compiled);
  return compiled;
}

function compileScreen(type: Type): TextScreen | null {
  if (type instanceof types.StringType)
    return (value) => typeof value === 'string' && textProblem(value) !== undefined;
  if (type instanceof types.RecordType) {
    const fields = type.fields.flatMap((field) => {
      const screen = screenOf(field.type);
      return screen === null ? [] : [{ name: field.name, screen }];
    });
    if (fields.length === 0) return null;
    return (value) => {
      if (!isObject(value)) return false;
      for (const field of fields) if (field.screen(value[field.name])) return true;
      return false;
    };
  }
  if (type instanceof types.ArrayType) {
    const items = screenOf(type.itemsType);
    if (items === null) return null;
    return (value) => Array.isArray(value) && value.some(items);
  }
  if (type instanceof types.MapType) {
    const values = screenOf(type.valuesType as Type);
    return (value) => {
      if (!isObject(value)) return false;
      for (const key in value) {
        if (textProblem(key) !== undefined || (values !== null && values(value[key]))) return true;
      }
      return false;
    };
  }
  if (type instanceof types.UnwrappedUnionType) {
    const branches = type.types.map(screenOf).filter((screen) => screen !== null);
    if (branches.length === 0) return null;
    return (value) => branches.some((screen) => screen(value));
  }
  if (type instanceof types.WrappedUnionType) {
    const branches = type.types.map(screenOf).filter((screen) => screen !== null);
    if (branches.length === 0) return null;
    return (value) => {
      if (!isObject(value)) return false;
      for (const name in value) if (branches.some((screen) => screen(value[name]))) return true;
      return false;
    };
  }
  return null;
}

/** `path: problem` for each string of `value` that breaks `textProblem`: the exact walk. */
function describeUnstorableText(type: Type, value: unknown, path: string): string[] {
  if (type instanceof types.StringType) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    return problem === undefined ? [] : [`${path || '(root)'}: ${problem}`];
  }
  if (type instanceof types.RecordType && isObject(value)) {
    return type.fields.flatMap((field) =>
      describeUnstorableText(field.type, value[field.name], joinPath(path, field.name)),
    );
  }
  if (type instanceof types.ArrayType && Array.isArray(value)) {
    return value.flatMap((item, index) =>
      describeUnstorableText(type.itemsType, item, `${path}[${index}]`),
    );
  }
  if (type instanceof types.MapType && isObject(value)) {
    const valuesType = type.valuesType as Type;
    return Object.entries(value).flatMap(([key, item]) => {
      const keyPath = `${path}[${JSON.stringify(key)}]`;
      const keyProblem = textProblem(key);
      return [
        ...(keyProblem === undefined ? [] : [`${keyPath} (key): ${keyProblem}`]),
        ...describeUnstorableText(valuesType, item, keyPath),
      ];
    });
  }
  if (type instanceof types.UnwrappedUnionType) {
    const branch = type.types.find((candidate) => candidate.isValid(value));
    return branch === undefined ? [] : describeUnstorableText(branch, value, path);
  }
  if (type instanceof types.WrappedUnionType && isObject(value)) {
    const [name, item] = Object.entries(value)[0] ?? [];
    const branch = type.types.find((candidate) => candidate.branchName === name);
    return branch === undefined ? [] : describeUnstorableText(branch, item, path);
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
