import type { FieldSpec, RecordView } from './model-spec';
import { formatOdooDatetime, type StoredRecord, type StoredValue } from './odoo-values';

// Builders for the simulated models' fields, named after Odoo's `fields.*` classes.

export const char = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'char',
  string,
  ...extra,
});

export const float = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'float',
  string,
  default: 0,
  ...extra,
});

export const m2o = (
  relation: string,
  string: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ type: 'many2one', relation, string, ...extra });

export const o2m = (relation: string, inverse: string, string: string): FieldSpec => ({
  type: 'one2many',
  relation,
  inverse,
  string,
});

export const selection = (
  string: string,
  values: readonly string[],
  fallback: string | false,
): FieldSpec => ({ type: 'selection', string, selection: values, default: fallback });

export const datetime = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'datetime',
  string,
  ...extra,
});

export const active = (): FieldSpec => ({ type: 'boolean', string: 'Active', default: true });

export const now = (ms: number): StoredValue => formatOdooDatetime(ms);

export const num = (value: StoredValue | undefined): number =>
  typeof value === 'number' ? value : 0;

/** The first record of `model` matching `domain`, as a many2one default (false when none). */
export const firstOf =
  (model: string, domain: unknown = []) =>
  (_now: number, view: RecordView): StoredValue =>
    view.search(model, domain, { limit: 1, order: 'id' })[0] ?? false;

/** The company's currency: Odoo's default for orders and journal entries. */
export const companyCurrency = (_now: number, view: RecordView): StoredValue => {
  const [company] = view.search('res.company', [], { limit: 1, order: 'id' });
  return company === undefined
    ? false
    : (view.get('res.company', company)?.values['currency_id'] ?? false);
};

/** The value of a many2one's target field (Odoo's `related=`), false when the link is empty. */
export const related =
  (link: string, relation: string, field: string) =>
  (record: StoredRecord, view: RecordView): StoredValue => {
    const id = record.values[link];
    const target = typeof id === 'number' ? view.get(relation, id) : undefined;
    return target === undefined ? false : view.valueOf(relation, target, field);
  };

export const sumOf =
  (lineModel: string, inverse: string, field: string) =>
  (record: StoredRecord, view: RecordView): StoredValue =>
    view
      .children(lineModel, inverse, record.id)
      .reduce((total, line) => total + num(view.valueOf(lineModel, line, field)), 0);

export const lineSubtotal =
  (qtyField: string) =>
  (record: StoredRecord): StoredValue =>
    num(record.values[qtyField]) * num(record.values['price_unit']);

export const lineDisplayName =
  (orderModel: string) =>
  (record: StoredRecord, view: RecordView): string => {
    const orderId = record.values['order_id'];
    const order = typeof orderId === 'number' ? view.displayName(orderModel, orderId) : '';
    return `${order}: ${String(record.values['name'] || '')}`;
  };
