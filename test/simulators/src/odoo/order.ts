import { valueError } from './odoo-errors';
import type { StoredValue } from './odoo-values';

export interface OrderTerm {
  readonly field: string;
  readonly descending: boolean;
  /** Postgres' default: NULLS LAST when ascending, NULLS FIRST when descending. */
  readonly nullsFirst: boolean;
}

const TERM = /^([a-z_][a-z0-9_]*)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/i;

/** Parses an Odoo `order` such as 'write_date asc, id asc'. */
export function parseOrder(order: string, knownField: (field: string) => boolean): OrderTerm[] {
  return order
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const match = TERM.exec(part);
      const field = match?.[1];
      if (match === null || field === undefined)
        throw valueError(`Invalid "order" specified (${order}).`);
      if (!knownField(field))
        throw valueError(`Invalid "order" specified (${order}): unknown field ${field}`);
      const descending = match[2]?.toLowerCase() === 'desc';
      const nulls = match[3]?.toLowerCase();
      return {
        field,
        descending,
        nullsFirst: nulls === undefined ? descending : nulls === 'first',
      };
    });
}

/**
 * Compares two rows by `terms`, then by id ascending so that the result is deterministic (Postgres
 * would leave ties in an unspecified order; pollers must break them themselves anyway).
 */
export function compareRows(
  terms: readonly OrderTerm[],
  valueOf: (row: number, field: string) => StoredValue,
): (a: number, b: number) => number {
  return (a, b) => {
    for (const term of terms) {
      const result = compareValues(valueOf(a, term.field), valueOf(b, term.field), term);
      if (result !== 0) return result;
    }
    return a - b;
  };
}

function compareValues(a: StoredValue, b: StoredValue, term: OrderTerm): number {
  const aUnset = a === false;
  const bUnset = b === false;
  if (aUnset || bUnset) {
    if (aUnset && bUnset) return 0;
    return aUnset === term.nullsFirst ? -1 : 1;
  }
  const order = a < b ? -1 : a > b ? 1 : 0;
  return term.descending ? -order : order;
}
