import { isJsonArray, isJsonObject, jsonObject, type FuzzJson } from './json-text';

/** Where a value sits in a request body: object keys and array indexes, outermost first. */
export type JsonPath = readonly (string | number)[];

/** `lines[0].unitPrice`: a path as the services name fields in their `problems`. */
export function pathText(path: JsonPath): string {
  if (path.length === 0) return '(body)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`,
    )
    .join('');
}

/** Every leaf (string, number, boolean, null) of `value`, depth first. */
export function leafPaths(value: FuzzJson, at: JsonPath = []): JsonPath[] {
  if (isJsonArray(value)) return value.flatMap((item, index) => leafPaths(item, [...at, index]));
  if (isJsonObject(value))
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...at, key]));
  return [at];
}

/** Every array and object inside `value` (the body itself included). */
export function containerPaths(value: FuzzJson, at: JsonPath = []): JsonPath[] {
  if (isJsonArray(value))
    return [at, ...value.flatMap((item, index) => containerPaths(item, [...at, index]))];
  if (isJsonObject(value))
    return [
      at,
      ...Object.entries(value).flatMap(([key, item]) => containerPaths(item, [...at, key])),
    ];
  return [];
}

export function valueAt(value: FuzzJson, path: JsonPath): FuzzJson | undefined {
  let current: FuzzJson | undefined = value;
  for (const part of path) {
    if (current === undefined) return undefined;
    if (typeof part === 'number') current = isJsonArray(current) ? current[part] : undefined;
    else
      current = isJsonObject(current) && Object.hasOwn(current, part) ? current[part] : undefined;
  }
  return current;
}

/** A copy of `value` with the thing at `path` replaced by `replace(old)` (or removed: undefined). */
export function updateAt(
  value: FuzzJson,
  path: JsonPath,
  replace: (old: FuzzJson) => FuzzJson | undefined,
): FuzzJson {
  const [head, ...rest] = path;
  if (head === undefined) return replace(value) ?? null;
  const child = (old: FuzzJson): FuzzJson | undefined =>
    rest.length === 0 ? replace(old) : updateAt(old, rest, replace);
  if (typeof head === 'number' && isJsonArray(value)) {
    const item = value[head];
    if (item === undefined) return value;
    const updated = child(item);
    return updated === undefined
      ? value.filter((_, index) => index !== head)
      : value.map((old, index) => (index === head ? updated : old));
  }
  if (typeof head === 'string' && isJsonObject(value) && Object.hasOwn(value, head)) {
    const updated = child(value[head] ?? null);
    return jsonObject(
      Object.entries(value).flatMap(([key, old]): [string, FuzzJson][] =>
        key !== head ? [[key, old]] : updated === undefined ? [] : [[key, updated]],
      ),
    );
  }
  return value;
}

/** A copy of `value` whose object at `path` also holds `key: item` (after its own keys). */
export function addKeyAt(value: FuzzJson, path: JsonPath, key: string, item: FuzzJson): FuzzJson {
  return updateAt(value, path, (old) =>
    isJsonObject(old) ? jsonObject([...Object.entries(old), [key, item]]) : old,
  );
}
