import type { ReadDirection } from './compatibility-levels';

/** A version of an event schema as the explainer names it: `v2`, `registered v5`. */
export interface NamedVersion {
  readonly label: string;
}

/** What stops one version from reading another's data, before it is put in words. */
export type EvolutionFinding =
  | { readonly kind: 'missing-field'; readonly direction: ReadDirection; readonly field: string }
  | {
      readonly kind: 'type-changed';
      readonly directions: readonly ReadDirection[];
      readonly field: string;
      /** Oriented from the older version to the newer one. */
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'unknown-symbols';
      readonly direction: ReadDirection;
      readonly field: string;
      readonly symbols: readonly string[];
    }
  /** avsc cannot resolve the schemas but the field walk found no cause: its message is kept. */
  | { readonly kind: 'unresolvable'; readonly direction: ReadDirection; readonly detail: string };

function fieldLabel(field: string, what = 'field'): string {
  return field === '' ? 'the event record' : `${what} "${field}"`;
}

function quoted(symbols: readonly string[]): string {
  const list = symbols.map((symbol) => `"${symbol}"`).join(', ');
  return symbols.length === 1 ? `symbol ${list}` : `symbols ${list}`;
}

/** The finding in plain words, naming both versions. */
export function describeFinding(
  finding: EvolutionFinding,
  older: NamedVersion,
  newer: NamedVersion,
): string {
  const [o, n] = [older.label, newer.label];
  switch (finding.kind) {
    case 'missing-field':
      return finding.direction === 'backward'
        ? `${fieldLabel(finding.field)} was added without a default: ${o} data cannot be read with ${n}`
        : `${fieldLabel(finding.field)} was removed and has no default: readers of ${o} still need it`;
    case 'type-changed': {
      const both = finding.directions.length > 1;
      const consequence = both
        ? `${o} and ${n} cannot read each other's data`
        : finding.directions[0] === 'backward'
          ? `${o} data cannot be read with ${n}`
          : `readers of ${o} cannot read ${n} data`;
      return `${fieldLabel(finding.field)} changed type from ${finding.from} to ${finding.to}: ${consequence}`;
    }
    case 'unknown-symbols':
      return finding.direction === 'backward'
        ? `${fieldLabel(finding.field, 'enum')} lost ${quoted(finding.symbols)} and ${n}'s enum has no default: ${o} data with it cannot be read with ${n}`
        : `${fieldLabel(finding.field, 'enum')} gained ${quoted(finding.symbols)} and ${o}'s enum has no default: readers of ${o} cannot read it`;
    case 'unresolvable':
      return finding.direction === 'backward'
        ? `${o} data cannot be read with ${n}: ${finding.detail}`
        : `readers of ${o} cannot read ${n} data: ${finding.detail}`;
  }
}
