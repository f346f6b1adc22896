/** Splits `items` into consecutive slices of at most `size` items. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`Slice size must be a positive integer, got ${size}`);
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}

/** Keeps the first event of each id that is in `fresh` (ids recorded for the first time). */
export function firstDeliveries<T>(
  events: readonly T[],
  idOf: (event: T) => string,
  fresh: ReadonlySet<string>,
): T[] {
  const pending = new Set(fresh);
  return events.filter((event) => pending.delete(idOf(event)));
}
