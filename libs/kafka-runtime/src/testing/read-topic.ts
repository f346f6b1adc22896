import { randomUUID } from 'node:crypto';
import { silentLogger } from '@ferry/observability';
import { createKafka, type KafkaConnection } from '../connection';
import { headersToRecord } from '../consumer/headers';

export interface ReadRecord {
  readonly key: string | undefined;
  readonly value: Buffer | null;
  readonly partition: number;
  readonly offset: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until `max` records arrived
 * or `timeoutMs` passed, whichever is first (for tests and operator tools; commits nothing).
 */
export async function readTopic(
  source: { readonly connection: KafkaConnection } | KafkaConnection,
  topic: string,
  max: number,
  timeoutMs: number,
): Promise<ReadRecord[]> {
  const connection = 'connection' in source ? source.connection : source;
  const kafka = createKafka(connection, silentLogger);
  const consumer = kafka.consumer({ groupId: `ferry-read-${randomUUID()}` });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      if (max === 0) return;
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ message, partition }) => {
          if (records.length < max) {
            records.push({
              key: message.key?.toString(),
              value: message.value,
              partition,
              offset: message.offset,
              headers: headersToRecord(message.headers),
            });
          }
          if (records.length >= max) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
