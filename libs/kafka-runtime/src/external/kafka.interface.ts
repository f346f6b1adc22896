/**
 * The only door to kafkajs. No Ferry logic here: vendor types are re-exported for this library's
 * own use, and nothing outside libs/kafka-runtime may import them (lint rule).
 */
export {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  AssignerProtocol,
  Kafka,
  ResourcePatternTypes,
  logLevel as KafkaLogLevel,
  Partitioners,
  type AclEntry,
  type Admin,
  type Consumer,
  type ConsumerRunConfig,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type LogEntry,
  type Message,
  type Producer,
  type RecordMetadata,
} from 'kafkajs';
