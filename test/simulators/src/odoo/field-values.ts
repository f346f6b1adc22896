import type { FieldSpec, ModelSpec } from './model-spec';
import { validationError, valueError } from './odoo-errors';
import { normalizeDatetime, type StoredValue } from './odoo-values';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Converts what a client wrote into a field to what Odoo would store, or throws the error Odoo
 * raises. many2one existence is checked by the ORM, which knows the other tables.
 */
export function coerceFieldValue(
  model: ModelSpec,
  name: string,
  field: FieldSpec,
  value: unknown,
): StoredValue {
  const wrong = (): Error =>
    valueError(`Wrong value for ${model.name}.${name}: ${JSON.stringify(value)}`);
  if (value === null || value === undefined || (value === false && field.type !== 'boolean'))
    return false;
  switch (field.type) {
    case 'char':
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') throw wrong();
      return String(value);
    case 'html':
      // Odoo sanitizes html fields; plain text comes back wrapped in a paragraph.
      if (typeof value !== 'string' && typeof value !== 'number') throw wrong();
      return /^\s*</.test(String(value)) ? String(value) : `<p>${String(value)}</p>`;
    case 'selection':
      if (typeof value !== 'string' || !(field.selection ?? []).includes(value)) throw wrong();
      return value;
    case 'integer':
    case 'many2one':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrong();
      return value;
    case 'float':
    case 'monetary':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong();
      return value;
    case 'boolean':
      return Boolean(value);
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value.slice(0, 10))) throw wrong();
      return value.slice(0, 10);
    case 'datetime': {
      const normalized = typeof value === 'string' ? normalizeDatetime(value) : undefined;
      if (normalized === undefined) throw wrong();
      return normalized;
    }
    case 'one2many':
      throw wrong();
  }
}

/** Odoo's message when a NOT NULL column is left empty. */
export function missingRequired(model: ModelSpec, name: string, field: FieldSpec): Error {
  return validationError(
    'The operation cannot be completed:\n' +
      '- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${model.description} (${model.name})\nField: ${field.string} (${name})`,
  );
}

/** A one2many command, as x2many values are written: [0, 0, vals], [1, id, vals], [2, id], … */
export type X2ManyCommand =
  | { readonly op: 'create'; readonly vals: unknown }
  | { readonly op: 'update'; readonly id: number; readonly vals: unknown }
  | { readonly op: 'delete'; readonly id: number }
  | { readonly op: 'unlink'; readonly id: number }
  | { readonly op: 'link'; readonly id: number }
  | { readonly op: 'clear' }
  | { readonly op: 'set'; readonly ids: readonly number[] };

export function parseCommands(model: ModelSpec, name: string, value: unknown): X2ManyCommand[] {
  const wrong = (): Error =>
    valueError(`Wrong value for ${model.name}.${name}: ${JSON.stringify(value)}`);
  if (value === false || value === null) return [{ op: 'clear' }];
  if (!Array.isArray(value)) throw wrong();
  return (value as unknown[]).map((item) => {
    if (typeof item === 'number') return { op: 'link', id: item };
    if (!Array.isArray(item)) throw wrong();
    const [code, id, vals] = item as [unknown, unknown, unknown];
    const recordId = typeof id === 'number' ? id : 0;
    switch (code) {
      case 0:
        return { op: 'create', vals };
      case 1:
        return { op: 'update', id: recordId, vals };
      case 2:
        return { op: 'delete', id: recordId };
      case 3:
        return { op: 'unlink', id: recordId };
      case 4:
        return { op: 'link', id: recordId };
      case 5:
        return { op: 'clear' };
      case 6:
        if (!Array.isArray(vals) || !vals.every((v) => typeof v === 'number')) throw wrong();
        return { op: 'set', ids: vals };
      default:
        throw wrong();
    }
  });
}
