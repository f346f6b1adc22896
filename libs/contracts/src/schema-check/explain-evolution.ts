import type { Type } from 'avsc';
import type { Compatibility } from '../catalog/topics';
import { DirectionsOf, type ReadDirection } from './compatibility-levels';
import { describeFinding, type EvolutionFinding, type NamedVersion } from './evolution-problem';
import { findReadProblems } from './read-problems';

/** A schema version to compare: its label in messages (`v2`) and its avsc type. */
export interface VersionedType extends NamedVersion {
  readonly type: Type;
}

/** One reason `newer` may not follow `older` under a compatibility level. */
export interface EvolutionProblem {
  readonly older: string;
  readonly newer: string;
  /** The offending field path (`lines[].quantity`), when one could be named. */
  readonly field: string | undefined;
  readonly message: string;
}

/** avsc's verdict: undefined when `reader` reads everything `writer` writes, else why not. */
function resolutionFailure(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function findingsIn(direction: ReadDirection, reader: Type, writer: Type): EvolutionFinding[] {
  const failure = resolutionFailure(reader, writer);
  if (failure === undefined) return [];
  const problems = findReadProblems(reader, writer);
  if (problems.length === 0) return [{ kind: 'unresolvable', direction, detail: failure }];
  return problems.map((problem): EvolutionFinding => {
    switch (problem.kind) {
      case 'missing-field':
        return { kind: 'missing-field', direction, field: problem.field };
      case 'unknown-symbols':
        return {
          kind: 'unknown-symbols',
          direction,
          field: problem.field,
          symbols: problem.symbols,
        };
      case 'type-changed': {
        const [from, to] =
          direction === 'backward'
            ? [problem.writerType, problem.readerType]
            : [problem.readerType, problem.writerType];
        return { kind: 'type-changed', directions: [direction], field: problem.field, from, to };
      }
    }
  });
}

/** A type change seen from both directions is one problem, said once. */
function mergeTypeChanges(findings: readonly EvolutionFinding[]): EvolutionFinding[] {
  const merged: EvolutionFinding[] = [];
  for (const finding of findings) {
    const twin =
      finding.kind === 'type-changed'
        ? merged.findIndex(
            (m) =>
              m.kind === 'type-changed' &&
              m.field === finding.field &&
              m.from === finding.from &&
              m.to === finding.to,
          )
        : -1;
    const existing = merged[twin];
    if (finding.kind === 'type-changed' && existing?.kind === 'type-changed') {
      merged[twin] = { ...existing, directions: [...existing.directions, ...finding.directions] };
    } else {
      merged.push(finding);
    }
  }
  return merged;
}

/**
 * Field-level reasons why `newer` may not follow `older` under `level`, in plain words. Empty
 * when avsc resolves the schemas in every direction the level asks for; avsc decides, the field
 * walk only names the cause.
 */
export function explainEvolution(
  older: VersionedType,
  newer: VersionedType,
  level: Compatibility,
): EvolutionProblem[] {
  const findings = DirectionsOf[level].flatMap((direction) =>
    direction === 'backward'
      ? findingsIn(direction, newer.type, older.type)
      : findingsIn(direction, older.type, newer.type),
  );
  return mergeTypeChanges(findings).map((finding) => ({
    older: older.label,
    newer: newer.label,
    field: finding.kind === 'unresolvable' ? undefined : finding.field,
    message: describeFinding(finding, older, newer),
  }));
}

/** Every version against every earlier one: the catalog's levels are all transitive. */
export function explainHistory(
  versions: readonly VersionedType[],
  level: Compatibility,
): EvolutionProblem[] {
  return versions.flatMap((newer, index) =>
    versions.slice(0, index).flatMap((older) => explainEvolution(older, newer, level)),
  );
}
