import { projectionMismatches } from './workload';

/** A contender left the table or the dedup log other than its events demand: its rate is void. */
export class ProjectionMismatchError extends Error {
  override readonly name = 'ProjectionMismatchError';
}

/**
 * Checks a contender's end state against the oracle: the newest version of every key it was
 * given, and one dedup row per event when it records them. A fast wrong answer is no result.
 */
export function assertProjection(
  contender: string,
  expected: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, number>,
  dedupRows: { readonly found: number; readonly expected: number },
): void {
  const wrong = projectionMismatches(expected, stored);
  if (wrong.length > 0)
    throw new ProjectionMismatchError(
      `${contender}: ${wrong.length} of ${expected.size} keys hold the wrong version (first: ${wrong.slice(0, 5).join(', ')})`,
    );
  if (dedupRows.found !== dedupRows.expected)
    throw new ProjectionMismatchError(
      `${contender}: ${dedupRows.found} processed-event rows, expected ${dedupRows.expected}`,
    );
}
