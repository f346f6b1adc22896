import {
  DeadLetterTopicNotFoundError,
  deadLetterKeyText,
  listDeadLetters,
  type KafkaConnection,
} from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';

/** A record of a topic as the checks need it: whose event it is, and why it failed (DLQs). */
export interface TopicEvent {
  readonly eventId: string | undefined;
  readonly key: string | undefined;
  readonly error: string | undefined;
}

/**
 * Every record of `topic`, from its beginning to the end it has now; none when the topic does
 * not exist (a DLQ is created with its consumer). `listDeadLetters` is the runtime's reader of a
 * whole topic to its end, commits nothing, and reads the event id header of any Ferry record,
 * so it serves the main topics as well as the DLQs.
 */
export async function readTopicEvents(
  connection: KafkaConnection,
  topic: string,
): Promise<TopicEvent[]> {
  try {
    const listing = await listDeadLetters(
      { connection, logger: silentLogger },
      { dlqTopic: topic, idleTimeoutMs: 60_000 },
    );
    return listing.records.map((record) => ({
      eventId: record.context.eventId,
      key: deadLetterKeyText(record),
      error:
        record.context.errorClass === undefined
          ? undefined
          : `${record.context.errorClass}: ${record.context.errorMessage ?? ''}`,
    }));
  } catch (error: unknown) {
    if (error instanceof DeadLetterTopicNotFoundError) return [];
    throw error;
  }
}
