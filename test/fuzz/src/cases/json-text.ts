/**
 * A number written into the JSON text exactly as given (`1e400`, `9007199254740993`, `-0`): what
 * a hostile client can send and `JSON.stringify` cannot produce.
 */
export class JsonToken {
  constructor(readonly text: string) {}
}

/** A JSON value as the fuzz sends it: plain JSON plus raw number tokens. */
export type FuzzJson =
  | null
  | boolean
  | number
  | string
  | JsonToken
  | readonly FuzzJson[]
  | { readonly [key: string]: FuzzJson };

export function isJsonObject(value: FuzzJson): value is { readonly [key: string]: FuzzJson } {
  return typeof value === 'object' && value !== null && !isJsonArray(value) && !isToken(value);
}

export function isToken(value: FuzzJson): value is JsonToken {
  return value instanceof JsonToken;
}

export function isJsonArray(value: FuzzJson): value is readonly FuzzJson[] {
  return Array.isArray(value);
}

/**
 * The JSON text of `value`. Strings go through `JSON.stringify`, so NUL and lone surrogates
 * arrive as `\u0000` and `\ud800` escapes and the server's parser rebuilds them exactly.
 */
export function toJsonText(value: FuzzJson): string {
  if (isToken(value)) return value.text;
  if (isJsonArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (isJsonObject(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * An object with `entries` as own properties, `__proto__` included: a literal or spread would
 * set the prototype instead of adding the key the fuzz wants to send.
 */
export function jsonObject(entries: readonly (readonly [string, FuzzJson])[]): {
  readonly [key: string]: FuzzJson;
} {
  const object: Record<string, FuzzJson> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}
