import {
  checkPublishable,
  ContractViolation,
  type EventContract,
  type EventEnvelope,
} from '@ferry/contracts';
import { invalidRequest, type RequestRefusal } from './request-validation';

export interface EventRefusal extends RequestRefusal {
  /** The body's list field when it was a batch (`snapshots`): problems then name the item. */
  readonly batchField?: string | undefined;
}

/**
 * Checks the events a request became as the publisher will (their contract and their event
 * type's invariants, `checkPublishable`) before anything is claimed or published, and answers
 * like a bad body: 400 with `problems` naming each event field (after `snapshots[2].` in a
 * batch). The request schema catches the common cases field by field; this catches the rest (a
 * computed total too large for its decimal, say), so that a value the contract refuses is the
 * client's 400, never a 500 after part of the work was done.
 */
export function refuseUnlessValidEvents<T extends EventEnvelope>(
  contract: EventContract<T>,
  events: readonly T[],
  what: EventRefusal,
): void {
  const problems = events.flatMap((event, index) => {
    try {
      checkPublishable(contract, event);
      return [];
    } catch (error: unknown) {
      if (!(error instanceof ContractViolation)) throw error;
      const item = what.batchField === undefined ? '' : `${what.batchField}[${index}].`;
      return error.problems.map((problem) => `${item}${problem}`);
    }
  });
  if (problems.length > 0) throw invalidRequest(what, problems);
}
