export { ensureTopics } from './admin/topics';
export type { TopicDeclaration } from './admin/topics';
export { applyAcls } from './acls/acl-apply';
export { AclPlanError, deriveAcls, describeRule } from './acls/acl-plan';
export type { AclChange, AclRule } from './acls/acl-plan';
export { createKafka, kafkaConnectionOptions } from './connection';
export { kafkaClientSecurity, kafkaSecurityOptions } from './kafka-security';
export type { KafkaSecuritySettings } from './kafka-security';
export { registryConnectionOf, schemaRegistryOptions } from './registry/registry-connection';
export type { RegistryConnection, SchemaRegistrySettings } from './registry/registry-connection';
export type { KafkaConnection } from './connection';
export type { ApplyOutcome, ConsumedEvent } from './consumer/consumed-event';
export { EventConsumer } from './consumer/event-consumer';
export { DeadLetterHeaders, ReplayHeaders, RetryHeaders } from './headers';
export type { EventConsumerOptions } from './consumer/event-consumer';
export { EventConsumerDefaults } from './consumer/consumer-options';
export {
  CorruptEventError,
  EventDecodeError,
  InvalidEventError,
  PublishError,
  SchemaNotFoundError,
  SchemaRegistryUnavailableError,
  TombstoneError,
  UnknownSchemaError,
} from './errors';
export { EventPublisher } from './producer/event-publisher';
export type { PublishContext, PublishOptions } from './producer/event-publisher';
export { EventCodec } from './registry/event-codec';
export { frame, unframe } from './registry/wire-format';
export { KafkaRuntime } from './runtime';
export type { KafkaRuntimeOptions } from './runtime';
export {
  deadLetterFilterProblems,
  deadLetterFilterToJson,
  isEmptyDeadLetterFilter,
  matchesDeadLetterFilter,
} from './dead-letter/dead-letter-filter';
export type { DeadLetterFilter, DeadLetterPosition } from './dead-letter/dead-letter-filter';
export { deadLetterKeyText, parseDeadLetterRecord } from './dead-letter/dead-letter-record';
export type {
  DeadLetterContext,
  DeadLetterRecord,
  RawDeadLetter,
  RecordHeaders,
} from './dead-letter/dead-letter-record';
export {
  DeadLetterReadError,
  DeadLetterTopicNotFoundError,
  ReplayRejectedError,
} from './dead-letter/errors';
export { listDeadLetters } from './dead-letter/list-dead-letters';
export type {
  DeadLetterDeps,
  DeadLetterListing,
  ListDeadLettersOptions,
} from './dead-letter/list-dead-letters';
export { replayDeadLetters } from './replay/replay-dead-letters';
export type {
  DeadLetterReplayDeps,
  DeadLetterReplaySummary,
  ReplayDeadLettersOptions,
} from './replay/replay-dead-letters';
export type { ReplayTarget } from './replay/replay-headers';
export type { ReplayItem } from './replay/replay-plan';
export { consumerHealth, DEFAULT_NOT_MEMBER_AFTER_MS } from './consumer/consumer-progress';
export type { ConsumerHealth, ConsumerProgress, HealthBounds } from './consumer/consumer-progress';
export type { Membership } from './consumer/membership';
export type { RetryPolicy } from './retry/retry-schedule';
export type { CircuitBreakerPolicy } from './breaker/circuit-breaker';
export {
  catalogTopicOf,
  OwnershipViolation,
  ownershipMetrics,
  refuseUnlessOwner,
  SinkGuard,
} from './ownership/ownership-guard';
export { readTopic, readTopicToEnd } from './testing/read-topic';
export type { ReadRecord } from './testing/read-topic';
export type { KeyOrdering, ParkedKeyState } from './parking/parking-plan';
export {
  listParkedKeys,
  ParkedKeyReleaseRejectedError,
  releaseParkedKey,
} from './parking/parked-key-admin';
export type {
  ParkedKeyFilter,
  ParkedKeyListing,
  ParkedKeyReleased,
  ParkedKeyReleaseRequest,
} from './parking/parked-key-admin';
export { LagMonitor } from './lag/lag-monitor';
export type { LagMonitorHealth, LagMonitorOptions } from './lag/lag-monitor';
export { GroupStates } from './lag/group-lag';
export type { GroupLag, GroupState, PartitionLag } from './lag/group-lag';
export { readConsumerGroupLag } from './lag/read-group-lag';
export type { GroupSelection } from './lag/read-group-lag';
export { logEndOffsets, SlowGroupMember, writeTimedRecords } from './testing/group-fixtures';
export type { WrittenRecord } from './testing/group-fixtures';
