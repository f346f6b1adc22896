/**
 * Attribute names of the OpenTelemetry messaging semantic conventions (development status, so
 * written here rather than imported from the conventions' incubating entry point, which may
 * rename them between releases) and the ones Ferry adds under `ferry.*`.
 */
export const MessagingAttributes = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destinationName: 'messaging.destination.name',
  partitionId: 'messaging.destination.partition.id',
  consumerGroup: 'messaging.consumer.group.name',
  batchMessageCount: 'messaging.batch.message_count',
  messageId: 'messaging.message.id',
  kafkaMessageKey: 'messaging.kafka.message.key',
  errorType: 'error.type',
  /** Links a process span could not carry: it keeps at most MAX_PROCESS_LINKS. */
  droppedLinks: 'ferry.messaging.dropped_links',
} as const;

export const KAFKA = 'kafka';
