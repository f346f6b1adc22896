/** Parsers for `option()`; each throws an Error whose message says what was expected. */

export const text = (raw: string): string => raw.trim();

export function integer(bounds: { min?: number; max?: number } = {}): (raw: string) => number {
  return (raw) => {
    const value = Number(raw.trim());
    if (!Number.isSafeInteger(value)) throw new Error('expected an integer');
    if (bounds.min !== undefined && value < bounds.min)
      throw new Error(`expected at least ${bounds.min}`);
    if (bounds.max !== undefined && value > bounds.max)
      throw new Error(`expected at most ${bounds.max}`);
    return value;
  };
}

export function commaList(raw: string): string[] {
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw new Error('expected a comma-separated list with at least one item');
  return items;
}

export function url(raw: string): string {
  try {
    return new URL(raw.trim()).toString().replace(/\/$/, '');
  } catch {
    throw new Error('expected an absolute URL');
  }
}

export function oneOf<const T extends string>(...allowed: T[]): (raw: string) => T {
  return (raw) => {
    const value = raw.trim();
    if (!(allowed as string[]).includes(value))
      throw new Error(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function boolean(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error('expected true or false');
}
