import { z } from 'zod';

/**
 * How Odoo's external APIs spell values: an empty field of any type is `false`, a many2one is
 * `[id, display_name]` (or a bare id when read with `load=None`, as webhooks do), datetimes are
 * UTC text `YYYY-MM-DD HH:MM:SS`, dates `YYYY-MM-DD`, floats and monetary amounts JSON numbers.
 */

/** A many2one as `read`/`search_read` return it: `[id, display_name]`, or `false` when empty. */
export const many2one = z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]);
export type Many2one = z.infer<typeof many2one>;

/** A text field: empty reads as `false`. */
export const optionalText = z.union([z.string(), z.literal(false)]);

/** The id of a many2one, or undefined when it is empty. */
export function many2oneId(value: Many2one): number | undefined {
  return value === false ? undefined : value[0];
}

export function many2oneName(value: Many2one): string | undefined {
  return value === false ? undefined : value[1];
}

export function textOrUndefined(value: string | false): string | undefined {
  return value === false || value === '' ? undefined : value;
}

const ODOO_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,6})?$/;
const ODOO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Epoch milliseconds of an Odoo datetime (always UTC on the wire). Accepts the fractional
 * seconds Python's `str(datetime)` adds in webhook bodies; returns undefined for anything else.
 */
export function parseOdooDatetime(text: string): number | undefined {
  const match = ODOO_DATETIME.exec(text);
  if (!match) return undefined;
  const [, day = '', time = '', fraction = ''] = match;
  const ms = Date.parse(`${day}T${time}${fraction.slice(0, 4)}Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? undefined : ms;
}

/** The Odoo datetime text of epoch milliseconds, truncated to the second as Odoo stores it. */
export function formatOdooDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM-DD` of an Odoo date, or of the UTC day of an Odoo datetime. */
export function odooDay(text: string): string | undefined {
  if (ODOO_DATE.test(text)) return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? undefined : text;
  const ms = parseOdooDatetime(text);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}
