/**
 * Splits `items` into the fewest consecutive slices of at most `size` items, as even as they can
 * be: a fetch of 3,300 records at a size of 3,000 is two transactions of 1,650, not 3,000 and a
 * small one of 300 that costs nearly as much as a big one.
 */
export function slices<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`Slice size must be a positive integer, got ${size}`);
  const count = Math.ceil(items.length / size);
  const result: T[][] = [];
  for (let index = 0; index < count; index++)
    result.push(
      items.slice(
        Math.floor((index * items.length) / count),
        Math.floor(((index + 1) * items.length) / count),
      ),
    );
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
