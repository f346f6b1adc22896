import type { SimClock } from '../clock';
import { domainFields, evaluateDomain, parseDomain, type FieldReading } from './domain';
import {
  coerceFieldValue,
  missingRequired,
  parseCommands,
  type X2ManyCommand,
} from './field-values';
import {
  fieldOf,
  isComputed,
  MAGIC_FIELDS,
  type FieldSpec,
  type ModelSpec,
  type RecordView,
} from './model-spec';
import { missingError, userError, valueError } from './odoo-errors';
import {
  formatOdooDatetime,
  type ReadRecord,
  type ReadValue,
  type StoredRecord,
  type StoredValue,
} from './odoo-values';
import { compareRows, parseOrder } from './order';

export type ChangeAction = 'create' | 'write' | 'unlink';

/** One committed change of one record, as automation rules see it. */
export interface ChangeEvent {
  readonly model: string;
  readonly id: number;
  readonly action: ChangeAction;
  readonly fields: readonly string[];
  /** write_date after the change (unlink: the last one). */
  readonly writeDate: string;
}

export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number;
  readonly order?: string;
  /** Odoo's `active_test` context key: false also finds archived records. */
  readonly activeTest?: boolean;
}

/** `_classic_read` (default) reads many2one as [id, display_name]; `null` as the bare id. */
export type ReadLoad = '_classic_read' | null;

/**
 * An in-memory Odoo ORM: typed fields, defaults, sequences, x2many commands, computed fields,
 * write_date at one-second resolution from a controllable clock. Each public mutation is atomic
 * (undone on error) and announces its changes only once it succeeded, like a committed
 * transaction.
 */
export class OdooOrm implements RecordView {
  private readonly specs = new Map<string, ModelSpec>();
  private readonly tables = new Map<string, Map<number, StoredRecord>>();
  private readonly lastIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private revisionCounter = 0;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private journal: (() => void)[] | undefined;
  private pending: ChangeEvent[] = [];

  constructor(
    models: readonly ModelSpec[],
    private readonly clock: SimClock,
  ) {
    for (const model of models) {
      this.specs.set(model.name, model);
      this.tables.set(model.name, new Map());
    }
  }

  hasModel(name: string): boolean {
    return this.specs.has(name);
  }

  spec(name: string): ModelSpec {
    const spec = this.specs.get(name);
    if (spec === undefined) throw new Error(`unknown model ${name}`);
    return spec;
  }

  modelNames(): string[] {
    return [...this.specs.keys()];
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` as one transaction: all or nothing, change events after success. */
  atomic<T>(work: () => T): T {
    if (this.journal !== undefined) return work();
    this.journal = [];
    this.pending = [];
    try {
      const result = work();
      const events = mergeEvents(this.pending);
      this.journal = undefined;
      this.pending = [];
      for (const event of events) for (const listener of this.listeners) listener(event);
      return result;
    } catch (error: unknown) {
      const undo = this.journal ?? [];
      this.journal = undefined;
      this.pending = [];
      for (const step of undo.reverse()) step();
      throw error;
    }
  }

  create(model: string, vals: unknown): number {
    return this.atomic(() => this.createRecord(model, vals));
  }

  write(model: string, ids: readonly number[], vals: unknown): void {
    this.atomic(() => {
      for (const id of ids) this.writeRecord(model, id, vals);
    });
  }

  unlink(model: string, ids: readonly number[]): void {
    this.atomic(() => {
      for (const id of ids) this.unlinkRecord(model, id);
    });
  }

  search(model: string, domain: unknown, options: SearchOptions = {}): number[] {
    const spec = this.spec(model);
    const tree = parseDomain(domain);
    for (const path of domainFields(tree)) this.checkPath(spec, path);
    const activeTest =
      options.activeTest !== false &&
      'active' in spec.fields &&
      !domainFields(tree).includes('active');
    const matches = [...this.table(model).values()]
      .filter((record) => !activeTest || record.values['active'] !== false)
      .filter((record) => evaluateDomain(tree, (path) => this.readPath(spec, record, path)))
      .map((record) => record.id);
    const terms = parseOrder(
      options.order ?? spec.order,
      (field) => fieldOf(spec, field) !== undefined,
    );
    matches.sort(
      compareRows(terms, (id, field) => this.fieldValue(spec, this.stored(model, id), field)),
    );
    const offset = options.offset ?? 0;
    return matches.slice(offset, options.limit ? offset + options.limit : undefined);
  }

  read(
    model: string,
    ids: readonly number[],
    fields?: readonly string[],
    load: ReadLoad = '_classic_read',
  ): ReadRecord[] {
    const spec = this.spec(model);
    const names =
      fields && fields.length > 0
        ? fields
        : [...Object.keys(spec.fields), ...Object.keys(MAGIC_FIELDS)];
    for (const name of names) {
      if (fieldOf(spec, name) === undefined)
        throw valueError(`Invalid field '${name}' on model '${model}'`);
    }
    const missing = ids.filter((id) => !this.table(model).has(id));
    if (missing.length > 0) throw missingError(model, missing);
    return ids.map((id) => {
      const record = this.stored(model, id);
      const row: ReadRecord = { id };
      for (const name of names) row[name] = this.readValue(spec, record, name, load);
      return row;
    });
  }

  fieldsGet(model: string): Record<string, Record<string, unknown>> {
    const spec = this.spec(model);
    const all = { ...MAGIC_FIELDS, ...spec.fields };
    return Object.fromEntries(
      Object.entries(all).map(([name, field]) => [
        name,
        {
          type: field.type,
          string: field.string,
          required: field.required ?? false,
          readonly: isComputed(spec, name) && field.type !== 'one2many',
          store: !isComputed(spec, name),
          ...(field.relation ? { relation: field.relation } : {}),
          ...(field.inverse ? { relation_field: field.inverse } : {}),
          ...(field.selection ? { selection: field.selection.map((value) => [value, value]) } : {}),
        },
      ]),
    );
  }

  /** Raw record access for the simulator's own code and test helpers. */
  get(model: string, id: number): StoredRecord | undefined {
    return this.table(model).get(id);
  }

  children(model: string, field: string, id: number): StoredRecord[] {
    return [...this.table(model).values()].filter((record) => record.values[field] === id);
  }

  displayName(model: string, id: number): string {
    const spec = this.spec(model);
    const record = this.table(model).get(id);
    if (record === undefined) return '';
    if (spec.displayName) return spec.displayName(record, this);
    const name = record.values['name'];
    return typeof name === 'string' ? name : `${model},${id}`;
  }

  /** Marks a record as changed by a business method (bumps write_date, announces a write). */
  touch(model: string, id: number, fields: readonly string[]): void {
    const record = this.stored(model, id);
    this.remember(record);
    this.stamp(record, false);
    this.announce(model, record, 'write', fields);
  }

  private table(model: string): Map<number, StoredRecord> {
    this.spec(model);
    return this.tables.get(model) as Map<number, StoredRecord>;
  }

  private stored(model: string, id: number): StoredRecord {
    const record = this.table(model).get(id);
    if (record === undefined) throw missingError(model, [id]);
    return record;
  }

  private createRecord(model: string, vals: unknown): number {
    const spec = this.spec(model);
    const input = asVals(model, vals);
    const id = (this.lastIds.get(model) ?? 0) + 1;
    this.lastIds.set(model, id);
    const record: StoredRecord = { id, values: {}, revision: 0 };
    const now = this.clock.now();
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.compute || field.type === 'one2many') continue;
      const fallback =
        typeof field.default === 'function' ? field.default(now, this, input) : field.default;
      record.values[name] = fallback ?? false;
    }
    const commands = this.assign(spec, record, input);
    const name = record.values['name'];
    if (spec.sequence && (name === false || name === '/' || name === 'New')) {
      record.values['name'] = this.nextSequence(
        spec.sequence.prefix(record.values, this),
        spec.sequence.padding,
      );
    }
    this.checkRequired(spec, record);
    this.stamp(record, true);
    this.table(model).set(id, record);
    this.journal?.push(() => this.table(model).delete(id));
    this.applyCommands(spec, record, commands);
    this.announce(model, record, 'create', Object.keys(input));
    this.touchParent(spec, record);
    return id;
  }

  private writeRecord(model: string, id: number, vals: unknown): void {
    const spec = this.spec(model);
    const input = asVals(model, vals);
    const record = this.stored(model, id);
    this.remember(record);
    const parentBefore = spec.parentField ? record.values[spec.parentField] : undefined;
    const commands = this.assign(spec, record, input);
    this.checkRequired(spec, record);
    this.stamp(record, false);
    this.applyCommands(spec, record, commands);
    this.announce(model, record, 'write', Object.keys(input));
    this.touchParent(spec, record, parentBefore);
  }

  private unlinkRecord(model: string, id: number): void {
    const spec = this.spec(model);
    const record = this.stored(model, id);
    const refusal = spec.unlinkRefusal?.(record);
    if (refusal !== undefined) throw userError(refusal);
    for (const field of Object.values(spec.fields)) {
      if (field.type !== 'one2many' || !field.relation || !field.inverse) continue;
      const childSpec = this.spec(field.relation);
      const cascade = childSpec.fields[field.inverse]?.required === true;
      for (const child of this.children(field.relation, field.inverse, id)) {
        if (cascade) this.unlinkRecord(field.relation, child.id);
        else this.setValue(child, field.inverse, false);
      }
    }
    this.table(model).delete(id);
    this.journal?.push(() => this.table(model).set(id, record));
    this.announce(model, record, 'unlink', []);
    this.touchParent(spec, record);
  }

  /** Writes plain fields; returns the x2many commands to apply once the record exists. */
  private assign(
    spec: ModelSpec,
    record: StoredRecord,
    input: Record<string, unknown>,
  ): Map<string, X2ManyCommand[]> {
    const commands = new Map<string, X2ManyCommand[]>();
    for (const [name, value] of Object.entries(input)) {
      const field = spec.fields[name];
      if (field === undefined) {
        if (name in MAGIC_FIELDS) continue;
        throw valueError(`Invalid field '${name}' in '${spec.name}'`);
      }
      if (field.type === 'one2many') commands.set(name, parseCommands(spec, name, value));
      else if (!field.compute) record.values[name] = this.coerce(spec, name, field, value);
    }
    return commands;
  }

  private coerce(spec: ModelSpec, name: string, field: FieldSpec, value: unknown): StoredValue {
    const stored = coerceFieldValue(spec, name, field, value);
    if (field.type === 'many2one' && typeof stored === 'number' && field.relation) {
      if (!this.table(field.relation).has(stored)) throw missingError(field.relation, [stored]);
    }
    return stored;
  }

  private applyCommands(
    spec: ModelSpec,
    record: StoredRecord,
    commands: Map<string, X2ManyCommand[]>,
  ): void {
    for (const [name, list] of commands) {
      const field = spec.fields[name];
      if (!field?.relation || !field.inverse) continue;
      const { relation, inverse } = field;
      for (const command of list) {
        switch (command.op) {
          case 'create':
            this.createRecord(relation, {
              ...asVals(relation, command.vals),
              [inverse]: record.id,
            });
            break;
          case 'update':
            this.writeRecord(relation, command.id, command.vals);
            break;
          case 'delete':
            this.unlinkRecord(relation, command.id);
            break;
          case 'unlink':
            this.detach(relation, inverse, command.id);
            break;
          case 'link':
            this.writeRecord(relation, command.id, { [inverse]: record.id });
            break;
          case 'clear':
          case 'set': {
            const keep = command.op === 'set' ? command.ids : [];
            for (const child of this.children(relation, inverse, record.id)) {
              if (!keep.includes(child.id)) this.detach(relation, inverse, child.id);
            }
            for (const id of keep) this.writeRecord(relation, id, { [inverse]: record.id });
            break;
          }
        }
      }
    }
  }

  /** Removes a child from a one2many: deleted when its link is required (ondelete cascade). */
  private detach(model: string, inverse: string, id: number): void {
    if (this.spec(model).fields[inverse]?.required) this.unlinkRecord(model, id);
    else this.writeRecord(model, id, { [inverse]: false });
  }

  private touchParent(spec: ModelSpec, record: StoredRecord, previousParent?: StoredValue): void {
    if (!spec.parentField) return;
    const relation = spec.fields[spec.parentField]?.relation;
    if (!relation) return;
    const parents = new Set([record.values[spec.parentField], previousParent]);
    for (const parentId of parents) {
      if (typeof parentId !== 'number' || !this.table(relation).has(parentId)) continue;
      const inverseField = Object.entries(this.spec(relation).fields).find(
        ([, field]) => field.type === 'one2many' && field.relation === spec.name,
      )?.[0];
      this.touch(relation, parentId, inverseField ? [inverseField] : []);
    }
  }

  private checkRequired(spec: ModelSpec, record: StoredRecord): void {
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.required && record.values[name] === false) throw missingRequired(spec, name, field);
    }
  }

  /** write_date moves to the clock's second, never backwards; revision always moves on. */
  private stamp(record: StoredRecord, created: boolean): void {
    const now = formatOdooDatetime(this.clock.now());
    const previous = record.values['write_date'];
    const writeDate = typeof previous === 'string' && previous > now ? previous : now;
    record.values['write_date'] = writeDate;
    if (created) record.values['create_date'] = writeDate;
    this.revisionCounter += 1;
    record.revision = this.revisionCounter;
  }

  private setValue(record: StoredRecord, name: string, value: StoredValue): void {
    this.remember(record);
    record.values[name] = value;
  }

  /** Journals a record's current values so an aborted transaction can restore them. */
  private remember(record: StoredRecord): void {
    if (this.journal === undefined) return;
    const values = { ...record.values };
    const revision = record.revision;
    this.journal.push(() => {
      for (const key of Object.keys(record.values)) Reflect.deleteProperty(record.values, key);
      Object.assign(record.values, values);
      record.revision = revision;
    });
  }

  /** The next name of an Odoo sequence such as `P` → P00001 (not rolled back, like Postgres). */
  nextSequence(prefix: string, padding: number): string {
    const next = (this.sequences.get(prefix) ?? 0) + 1;
    this.sequences.set(prefix, next);
    return `${prefix}${String(next).padStart(padding, '0')}`;
  }

  private announce(
    model: string,
    record: StoredRecord,
    action: ChangeAction,
    fields: readonly string[],
  ): void {
    const writeDate = String(record.values['write_date']);
    const event = { model, id: record.id, action, fields, writeDate };
    if (this.journal === undefined) for (const listener of this.listeners) listener(event);
    else this.pending.push(event);
  }

  valueOf(model: string, record: StoredRecord, name: string): StoredValue {
    return this.fieldValue(this.spec(model), record, name);
  }

  private fieldValue(spec: ModelSpec, record: StoredRecord, name: string): StoredValue {
    if (name === 'id') return record.id;
    if (name === 'display_name') return this.displayName(spec.name, record.id);
    const field = spec.fields[name];
    if (field?.compute) return field.compute(record, this);
    if (field?.type === 'one2many' && field.relation && field.inverse) {
      return this.search(field.relation, [[field.inverse, '=', record.id]], { activeTest: false });
    }
    return record.values[name] ?? false;
  }

  private readValue(
    spec: ModelSpec,
    record: StoredRecord,
    name: string,
    load: ReadLoad,
  ): ReadValue {
    const value = this.fieldValue(spec, record, name);
    const field = fieldOf(spec, name);
    if (
      load === '_classic_read' &&
      field?.type === 'many2one' &&
      typeof value === 'number' &&
      field.relation
    ) {
      return [value, this.displayName(field.relation, value)];
    }
    return value;
  }

  private checkPath(spec: ModelSpec, path: string): void {
    const [head = '', ...rest] = path.split('.');
    const field = fieldOf(spec, head);
    if (field === undefined)
      throw valueError(`Invalid field ${spec.name}.${head} in leaf ('${path}')`);
    if (rest.length > 0 && field.relation)
      this.checkPath(this.spec(field.relation), rest.join('.'));
  }

  private readPath(spec: ModelSpec, record: StoredRecord, path: string): FieldReading {
    const [head = '', ...rest] = path.split('.');
    const field = fieldOf(spec, head);
    if (field === undefined)
      throw valueError(`Invalid field ${spec.name}.${head} in leaf ('${path}')`);
    const value = this.fieldValue(spec, record, head);
    const relational = field.type === 'many2one' || field.type === 'one2many';
    if (rest.length === 0 || !relational || !field.relation) {
      const displayName =
        field.type === 'many2one' && typeof value === 'number' && field.relation
          ? this.displayName(field.relation, value)
          : undefined;
      return { value, relational, ...(displayName === undefined ? {} : { displayName }) };
    }
    const relatedSpec = this.spec(field.relation);
    const ids =
      typeof value === 'number' ? [value] : Array.isArray(value) ? (value as number[]) : [];
    const values = ids.flatMap((id) => {
      const related = this.get(relatedSpec.name, id);
      if (related === undefined) return [];
      const reading = this.readPath(relatedSpec, related, rest.join('.'));
      return Array.isArray(reading.value)
        ? (reading.value as StoredValue[])
        : [reading.value as StoredValue];
    });
    return { value: values, relational: false };
  }
}

function asVals(model: string, vals: unknown): Record<string, unknown> {
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals))
    throw valueError(`Expected a dictionary of values for ${model}, got ${JSON.stringify(vals)}`);
  return vals as Record<string, unknown>;
}

/** One event per record and transaction, as Odoo's automation rules fire once per record. */
function mergeEvents(events: readonly ChangeEvent[]): ChangeEvent[] {
  const merged = new Map<string, ChangeEvent>();
  for (const event of events) {
    const key = `${event.model}#${event.id}`;
    const earlier = merged.get(key);
    if (earlier === undefined) {
      merged.set(key, event);
      continue;
    }
    if (event.action === 'unlink') {
      if (earlier.action === 'create') merged.delete(key);
      else merged.set(key, event);
      continue;
    }
    // A record created in this transaction is a create, whatever was written to it around it
    // (a line's create touches its order before the order's own create is announced).
    merged.set(key, {
      ...earlier,
      action: earlier.action === 'create' || event.action === 'create' ? 'create' : earlier.action,
      fields: [...new Set([...earlier.fields, ...event.fields])],
      writeDate: event.writeDate,
    });
  }
  return [...merged.values()];
}
