import type { StoredRecord, StoredValue } from './odoo-values';

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many';

/** What computed fields may look at. */
export interface RecordView {
  get(model: string, id: number): StoredRecord | undefined;
  /** The records of `model` whose many2one `field` points at `id`. */
  children(model: string, field: string, id: number): StoredRecord[];
  displayName(model: string, id: number): string;
  /** Ids of `model` matching an Odoo domain, in the model's order unless given one. */
  search(model: string, domain: unknown, options?: { limit?: number; order?: string }): number[];
  /** A field's value, computed ones included. */
  valueOf(model: string, record: StoredRecord, field: string): StoredValue;
}

export interface FieldSpec {
  readonly type: FieldType;
  readonly string: string;
  readonly required?: boolean;
  readonly relation?: string;
  /** one2many: the many2one field on `relation` that points back. */
  readonly inverse?: string;
  readonly selection?: readonly string[];
  /**
   * A value, or a function of the time, the other records and the values being created (Odoo's
   * default lambdas, and stored computes that fill a field from another one at create).
   */
  readonly default?:
    | StoredValue
    | ((now: number, view: RecordView, vals: Readonly<Record<string, unknown>>) => StoredValue);
  /** Non-stored computed field: evaluated on every read and domain test, never written. */
  readonly compute?: (record: StoredRecord, view: RecordView) => StoredValue;
}

export interface ModelSpec {
  readonly name: string;
  readonly description: string;
  /** Odoo's `_order`, used when a search gives no order. */
  readonly order: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** How `display_name` is made; defaults to the `name` field. */
  readonly displayName?: (record: StoredRecord, view: RecordView) => string;
  /** `name` of a new record when none (or '/') is given, from a sequence. */
  readonly sequence?: {
    readonly prefix: (record: Record<string, StoredValue>, view: RecordView) => string;
    readonly padding: number;
  };
  /**
   * The many2one to a parent whose write_date moves when this record changes: Odoo recomputes
   * the parent's stored totals (amount_total, receipt status), which is a write on the parent.
   */
  readonly parentField?: string;
  /** Why a record may not be deleted (Odoo raises a UserError), or undefined when it may. */
  readonly unlinkRefusal?: (record: StoredRecord) => string | undefined;
}

/** Fields every model has (Odoo's magic fields). */
export const MAGIC_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'integer', string: 'ID' },
  display_name: { type: 'char', string: 'Display Name' },
  create_date: { type: 'datetime', string: 'Created on' },
  write_date: { type: 'datetime', string: 'Last Updated on' },
};

export function fieldOf(model: ModelSpec, name: string): FieldSpec | undefined {
  return model.fields[name] ?? MAGIC_FIELDS[name];
}

export function isComputed(model: ModelSpec, name: string): boolean {
  return (
    name in MAGIC_FIELDS ||
    model.fields[name]?.compute !== undefined ||
    model.fields[name]?.type === 'one2many'
  );
}
