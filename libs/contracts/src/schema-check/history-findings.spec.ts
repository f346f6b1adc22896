import type { EvolutionProblem } from './explain-evolution';
import { historyFindings } from './history-findings';

const removedOnHand: EvolutionProblem = {
  older: 'v1',
  newer: 'v3',
  field: 'onHand',
  message: 'field "onHand" was removed and has no default: readers of v1 still need it',
};
const registryWords =
  'Incompatible artifact: ferry.inventory.levels-value [AVRO], ... [onHand at /fields/7]';

describe('historyFindings', () => {
  it("puts the explainer's field and the registry's words under the rejected version", () => {
    const findings = historyFindings([removedOnHand], {
      rejected: { version: 3, message: registryWords },
      unchecked: [4, 5],
    });
    expect(findings).toEqual({
      problems: [
        'v3: field "onHand" was removed and has no default: readers of v1 still need it',
        `v3: rejected by the registry: ${registryWords}`,
      ],
      notes: ['v4..v5 not checked by the registry (after the rejected version)'],
    });
  });

  it('says so when the registry refuses a version the explainer finds nothing wrong with', () => {
    const findings = historyFindings([], {
      rejected: { version: 2, message: registryWords },
      unchecked: [],
    });
    expect(findings.problems).toEqual([`v2: rejected by the registry: ${registryWords}`]);
    expect(findings.notes).toEqual([
      "v2: the explainer found no field-level cause; see the registry's message",
    ]);
  });

  it('keeps the explainer problems, and says so, when the registry accepted every version', () => {
    const findings = historyFindings([removedOnHand], { rejected: undefined, unchecked: [] });
    expect(findings.problems).toHaveLength(1);
    expect(findings.notes).toEqual([
      "the registry accepted every version; the problems above are avsc's resolution rules",
    ]);
  });

  it('finds nothing in a history both accept', () => {
    expect(historyFindings([], { rejected: undefined, unchecked: [] })).toEqual({
      problems: [],
      notes: [],
    });
  });
});
