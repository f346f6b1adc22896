/** A field value as Odoo stores it: `false` stands for "not set", as in Odoo's RPC answers. */
export type StoredValue = string | number | boolean | readonly number[];

/** One record in the simulated database. many2one fields hold the related id (or false). */
export interface StoredRecord {
  readonly id: number;
  readonly values: Record<string, StoredValue>;
  /** Bumped on every create/write, simulator-wide: a strictly increasing change counter. */
  revision: number;
}

/** A value as read over RPC: many2one as `[id, display_name]` unless read with `load: null`. */
export type ReadValue = StoredValue | readonly [number, string];

export type ReadRecord = Record<string, ReadValue>;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Odoo's datetime format: 'YYYY-MM-DD HH:MM:SS' in UTC, one-second resolution. */
export function formatOdooDatetime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

export function formatOdooDate(ms: number): string {
  return formatOdooDatetime(ms).slice(0, 10);
}

/** Reads an Odoo datetime string back to Unix milliseconds. */
export function parseOdooDatetime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}

const DATETIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Normalizes what a client sends for a datetime field; undefined when it is not one. */
export function normalizeDatetime(value: string): string | undefined {
  if (DATETIME.test(value)) return value.length === 10 ? `${value} 00:00:00` : value;
  if (ISO_DATETIME.test(value)) {
    const ms = Date.parse(/[Z+-]\d*:?\d*$/.test(value.slice(19)) ? value : `${value}Z`);
    return Number.isNaN(ms) ? undefined : formatOdooDatetime(ms);
  }
  return undefined;
}
