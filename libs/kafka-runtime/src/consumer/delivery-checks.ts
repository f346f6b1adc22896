import { invariantProblems, ownerOf, type Entity, type EventEnvelope } from '@ferry/contracts';

/**
 * Pure: why a decoded event must not be applied, one line per problem; empty when it may. A
 * consumer trusts nothing another client could have written to its topic: the event's source must
 * own the entity (the ownership map), the entity id must be the record key (else one entity's
 * events would be spread over partitions and lose their order), and the event type's declared
 * invariants must hold.
 */
export function deliveryProblems(
  event: EventEnvelope,
  key: string | null,
  entity: Entity,
  eventType: string,
): string[] {
  const problems: string[] = [];
  const owner = ownerOf(entity);
  if (event.sourceSystem !== owner)
    problems.push(
      `sourceSystem: ${JSON.stringify(event.sourceSystem)} does not own ${entity} (its owner is ${owner})`,
    );
  if (key === null) problems.push('record key: missing (it must be the entity id)');
  else if (event.entityId !== key)
    problems.push(
      `entityId: ${JSON.stringify(event.entityId)} is not the record key ${JSON.stringify(key)}`,
    );
  return [...problems, ...invariantProblems(eventType, event)];
}
