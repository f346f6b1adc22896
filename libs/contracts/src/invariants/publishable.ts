import { ContractViolation, type EventContract } from '../contract';
import type { EventEnvelope } from '../envelope';
import { invariantProblems } from './event-invariants';

/**
 * `event` as T when it may be published: it has the contract's shape and keeps its event type's
 * invariants. Throws ContractViolation (permanent) naming every problem otherwise.
 */
export function checkPublishable<T extends EventEnvelope>(
  contract: EventContract<T>,
  event: unknown,
): T {
  const value = contract.validate(event);
  const problems = invariantProblems(contract.eventType, value);
  if (problems.length > 0) throw new ContractViolation(contract.eventType, problems);
  return value;
}
