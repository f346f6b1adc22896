import { valueError } from './odoo-errors';
import type { StoredValue } from './odoo-values';

/**
 * Odoo search domains: a Polish-notation list of conditions `[field, operator, value]` and the
 * prefix operators '&' (and, the default between consecutive terms), '|' (or) and '!' (not).
 */
export type DomainNode =
  | { readonly kind: 'and' | 'or'; readonly children: readonly DomainNode[] }
  | { readonly kind: 'not'; readonly child: DomainNode }
  | {
      readonly kind: 'leaf';
      readonly field: string;
      readonly operator: Operator;
      readonly value: unknown;
    }
  | { readonly kind: 'true' };

export const OPERATORS = [
  '=',
  '!=',
  '<>',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not in',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** What a domain sees of a record field: its stored value and, for relations, the display name. */
export interface FieldReading {
  /** A list when the path crosses a one2many: the condition holds if any element matches. */
  readonly value: StoredValue | readonly StoredValue[];
  readonly relational: boolean;
  readonly displayName?: string;
}

export type FieldReader = (path: string) => FieldReading;

/** Parses a domain sent over RPC; throws Odoo's ValueError for anything malformed. */
export function parseDomain(domain: unknown): DomainNode {
  if (domain === undefined || domain === null || domain === false) return { kind: 'true' };
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  const items: unknown[] = domain;
  let position = 0;
  const next = (): DomainNode => {
    if (position >= items.length) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
    const item = items[position];
    position += 1;
    if (item === '&' || item === '|') {
      const left = next();
      const right = next();
      return { kind: item === '&' ? 'and' : 'or', children: [left, right] };
    }
    if (item === '!') return { kind: 'not', child: next() };
    return parseLeaf(item);
  };
  const terms: DomainNode[] = [];
  while (position < items.length) terms.push(next());
  if (terms.length === 0) return { kind: 'true' };
  return terms.length === 1 ? (terms[0] as DomainNode) : { kind: 'and', children: terms };
}

function parseLeaf(item: unknown): DomainNode {
  if (Array.isArray(item) && item.length === 3) {
    const [field, operator, value] = item as [unknown, unknown, unknown];
    if (typeof field === 'number' && operator === '=' && value === 1) {
      // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
      return field === 1 ? { kind: 'true' } : { kind: 'not', child: { kind: 'true' } };
    }
    if (typeof field === 'string' && typeof operator === 'string') {
      const op = operator.toLowerCase();
      if (!(OPERATORS as readonly string[]).includes(op))
        throw valueError(`Invalid leaf ${JSON.stringify(item)}: unknown operator '${operator}'`);
      return { kind: 'leaf', field, operator: op as Operator, value };
    }
  }
  throw valueError(`Invalid leaf ${JSON.stringify(item)}`);
}

/** The fields a domain mentions (for Odoo's implicit `active = True`). */
export function domainFields(node: DomainNode): string[] {
  switch (node.kind) {
    case 'true':
      return [];
    case 'leaf':
      return [node.field];
    case 'not':
      return domainFields(node.child);
    case 'and':
    case 'or':
      return node.children.flatMap(domainFields);
  }
}

export function evaluateDomain(node: DomainNode, read: FieldReader): boolean {
  switch (node.kind) {
    case 'true':
      return true;
    case 'not':
      return !evaluateDomain(node.child, read);
    case 'and':
      return node.children.every((child) => evaluateDomain(child, read));
    case 'or':
      return node.children.some((child) => evaluateDomain(child, read));
    case 'leaf':
      return evaluateLeaf(node.operator, read(node.field), node.value);
  }
}

const isUnset = (value: unknown): boolean =>
  value === false || value === null || value === undefined;

function evaluateLeaf(operator: Operator, field: FieldReading, expected: unknown): boolean {
  const actual = field.value;
  const values: readonly unknown[] = Array.isArray(actual)
    ? (actual as readonly unknown[])
    : [actual];
  // Comparing a relation with text compares its display name, as Odoo's name_search does.
  const compared =
    field.relational && typeof expected === 'string' && !Array.isArray(actual)
      ? isUnset(actual)
        ? [false]
        : [field.displayName ?? '']
      : values;
  switch (operator) {
    case '=':
      return isUnset(expected)
        ? compared.every(isUnset) || compared.length === 0
        : compared.some((v) => v === expected);
    case '!=':
    case '<>':
      return isUnset(expected)
        ? compared.some((v) => !isUnset(v))
        : !compared.some((v) => v === expected);
    case 'in':
    case 'not in': {
      const list: readonly unknown[] = Array.isArray(expected) ? expected : [expected];
      const wantsUnset = list.some(isUnset);
      const hit = compared.some((v) => (isUnset(v) ? wantsUnset : list.includes(v)));
      return operator === 'in' ? hit : !hit;
    }
    case '>':
    case '>=':
    case '<':
    case '<=':
      return compared.some((v) => !isUnset(v) && compare(operator, v, expected));
    default:
      return matchLike(operator, compared, expected);
  }
}

function compare(operator: '>' | '>=' | '<' | '<=', actual: unknown, expected: unknown): boolean {
  if (isUnset(expected)) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  switch (operator) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

function matchLike(operator: Operator, values: readonly unknown[], expected: unknown): boolean {
  const negated = operator.startsWith('not ');
  const insensitive = operator.endsWith('ilike');
  const raw = operator.startsWith('=');
  const pattern = String(expected);
  // `like` wraps the value in %…% (its own wildcards still count); `=like` takes it as it is.
  const regex = new RegExp(
    `^${raw ? likeToRegex(pattern) : `.*${likeToRegex(pattern)}.*`}$`,
    insensitive ? 'is' : 's',
  );
  const hit = values.some((v) => !isUnset(v) && regex.test(String(v)));
  // Odoo's negative operators also match records where the field is empty.
  return negated ? !hit : hit;
}

function likeToRegex(pattern: string): string {
  return pattern.replace(/[%_]|[.*+?^${}()|[\]\\]/g, (c) =>
    c === '%' ? '.*' : c === '_' ? '.' : `\\${c}`,
  );
}
