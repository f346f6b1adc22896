import type { EvolutionProblem } from './explain-evolution';
import type { HistoryVerdict } from './registry-history-check';
import { versionRange } from './version-range';

export interface TopicFindings {
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

/**
 * A topic's findings: the explainer's field-level problems (each prefixed with the newer version)
 * and the registry's verdict on replaying the history. Disagreements are said, not hidden.
 */
export function historyFindings(
  explained: readonly EvolutionProblem[],
  verdict: HistoryVerdict,
): TopicFindings {
  const problems = explained.map((problem) => `${problem.newer}: ${problem.message}`);
  const notes: string[] = [];
  const { rejected, unchecked } = verdict;
  if (rejected) {
    const label = `v${rejected.version}`;
    problems.push(`${label}: rejected by the registry: ${rejected.message}`);
    if (!explained.some((problem) => problem.newer === label)) {
      notes.push(`${label}: the explainer found no field-level cause; see the registry's message`);
    }
  } else if (problems.length > 0) {
    notes.push(
      "the registry accepted every version; the problems above are avsc's resolution rules",
    );
  }
  if (unchecked.length > 0) {
    notes.push(
      `${versionRange(unchecked)} not checked by the registry (after the rejected version)`,
    );
  }
  return { problems, notes };
}

/** Only the explainer's findings (live mode, where nothing is replayed). */
export function explainedFindings(explained: readonly EvolutionProblem[]): TopicFindings {
  return historyFindings(explained, { rejected: undefined, unchecked: [] });
}
