export { AVRO_LONG_MAX } from './avro/avro-limits';
export { parseAvroSchema } from './avro/logical-types';
export { textProblem } from './avro/storable-text';
export { mayPublish, mayWriteInto, ownerOf, Ownership } from './catalog/ownership';
export type { Entity } from './catalog/ownership';
export { SourceSystems, Systems } from './catalog/systems';
export {
  allPrincipals,
  OperatorPrincipal,
  publicationsNotOwned,
  ServiceAccess,
} from './catalog/kafka-access';
export type { Consumption, ServiceKafkaAccess } from './catalog/kafka-access';
export type { SourceSystem, System } from './catalog/systems';
export {
  AllTopics,
  deadLetterTopicOf,
  DefaultRetryDelaysMs,
  delayLabel,
  retryTopicOf,
  topicDeclarations,
  topicOwner,
  Topics,
  valueSubject,
} from './catalog/topics';
export type { Compatibility, TopicKey, TopicSpec } from './catalog/topics';
export { ContractViolation, defineContract, SCHEMAS_ROOT } from './contract';
export type { EventContract } from './contract';
export type { EventEnvelope } from './envelope';
export { deriveEventId, FERRY_EVENT_NAMESPACE, uuidV5 } from './event-id';
export * from './generated';
export { FerryHeaders } from './headers';
export type { FerryHeaderName } from './headers';
export { IngressScopes } from './ingress-scopes';
export type { IngressScope } from './ingress-scopes';
export { inventoryEntityId } from './inventory/entity-id';
export * from './registry-access';
export * from './schema-check';
export { eventTypesWithInvariants, invariantProblems } from './invariants/event-invariants';
export { checkPublishable } from './invariants/publishable';
