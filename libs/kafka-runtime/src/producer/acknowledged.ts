import type { Message, RecordMetadata } from '../external/kafka.interface';

export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/**
 * Pure: the messages of `sent` whose partition Kafka did not acknowledge, by topic; empty when
 * every one was. `partitionOf` tells the partition a message was given; one it does not know is
 * taken as unacknowledged.
 */
export function unacknowledged(
  sent: readonly TopicMessages[],
  acknowledged: readonly RecordMetadata[],
  partitionOf: (message: Message) => number | undefined,
): TopicMessages[] {
  const written = new Set(
    acknowledged
      .filter((record) => record.errorCode === 0)
      .map((record) => `${record.topicName}\u0000${record.partition}`),
  );
  return sent.flatMap(({ topic, messages }) => {
    const missing = messages.filter((message) => {
      const partition = partitionOf(message);
      return partition === undefined || !written.has(`${topic}\u0000${partition}`);
    });
    return missing.length === 0 ? [] : [{ topic, messages: missing }];
  });
}
