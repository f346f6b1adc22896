import fc from 'fast-check';
import { baselineArbitraries } from './baselines';
import { caseDraftArbitrary } from './case-drafts';
import { ENDPOINTS, type FuzzCase } from './fuzz-case';

const caseArbitrary = fc
  .constantFrom(...ENDPOINTS)
  .chain((endpoint) =>
    baselineArbitraries[endpoint].chain((template) =>
      caseDraftArbitrary(endpoint, template).map((draft) => ({ endpoint, template, ...draft })),
    ),
  );

/**
 * Pure: the cases of a run of `requests` requests. The same seed gives the same cases (fast-check
 * draws every value from it); an order case's follow-ups count as requests, and the last case
 * loses the follow-ups that would pass the total.
 */
export function planFuzzCases(seed: number, requests: number): FuzzCase[] {
  const drafts = fc.sample(caseArbitrary, { seed, numRuns: requests });
  const cases: FuzzCase[] = [];
  let planned = 0;
  for (const [index, draft] of drafts.entries()) {
    if (planned >= requests) break;
    const followUps = draft.followUps.slice(0, requests - planned - 1);
    cases.push({ ...draft, index, followUps });
    planned += 1 + followUps.length;
  }
  return cases;
}
