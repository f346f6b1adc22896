import type { OdooDomain } from '../client/odoo-client';
import { formatOdooDatetime } from '../odoo/odoo-values';

/**
 * Where catch-up reading of one model stopped: the last record read, by `(write_date, id)`.
 * `write_date` has one-second resolution and a bulk write gives thousands of records the same
 * one, so the id breaks ties: the next page starts strictly after this pair and never skips or
 * repeats a record. Kept as Odoo's own text so comparisons happen in Odoo, exactly.
 */
export interface OdooChangeCursor {
  readonly writeDate: string;
  readonly id: number;
}

/** Oldest change first; with the cursor domain, this makes pages a total order. */
export const CHANGE_ORDER = 'write_date asc, id asc';

/**
 * `write_date > d OR (write_date = d AND id > id)`, in Odoo's prefix notation, plus an upper
 * bound `write_date < until` (the settle window) and any filter of the model.
 */
export function changedAfterDomain(
  cursor: OdooChangeCursor | undefined,
  until: string | undefined,
  filter: OdooDomain = [],
): OdooDomain {
  const after: OdooDomain = cursor
    ? [
        '|',
        ['write_date', '>', cursor.writeDate],
        '&',
        ['write_date', '=', cursor.writeDate],
        ['id', '>', cursor.id],
      ]
    : [];
  const before: OdooDomain = until === undefined ? [] : [['write_date', '<', until]];
  return [...after, ...before, ...filter];
}

/** The cursor after a page: its last record, or the old cursor when the page is empty. */
export function cursorAfter(
  cursor: OdooChangeCursor | undefined,
  page: readonly { readonly id: number; readonly write_date: string }[],
): OdooChangeCursor | undefined {
  const last = page.at(-1);
  return last ? { writeDate: last.write_date, id: last.id } : cursor;
}

/**
 * The settle bound: records written in the last `settleMs` are left for the next poll.
 * `write_date` is the time the writing transaction began, so a transaction that commits late
 * carries an older date; a cursor that had already passed that date would never see it. Reading
 * only up to `now - settleMs` keeps the cursor behind every transaction shorter than the window
 * (and behind clock skew between Ferry and Odoo smaller than it). Webhooks carry the fresh
 * changes meanwhile; the poll is the safety net.
 */
export function settleBound(nowMs: number, settleMs: number): string | undefined {
  return settleMs > 0 ? formatOdooDatetime(nowMs - settleMs) : undefined;
}
