import { silentLogger } from '@ferry/observability';
import { testEnvironment, uniqueName } from '@ferry/test-support';
import { ensureTopics } from '../admin/topics';
import { createKafka, type KafkaConnection } from '../connection';
import { readTopic, readTopicToEnd } from './read-topic';

/*
 * The helpers that tests use to say what a topic holds, against the real Kafka: they must read,
 * or "nothing arrived" proves nothing.
 */
describe('reading a topic (real Kafka)', () => {
  const connection: KafkaConnection = {
    brokers: testEnvironment().kafkaBrokers,
    clientId: 'read-topic-test',
    connectionTimeoutMs: 3000,
    requestTimeoutMs: 30_000,
  };
  const kafka = createKafka(connection, silentLogger);
  // Idempotent: a plain producer's retry right after the topic was created can write twice.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });

  /** A topic of three partitions holding `counts[p]` records on partition p. */
  async function topicHolding(counts: readonly number[]): Promise<string> {
    const topic = uniqueName('read_topic');
    await ensureTopics(kafka, [{ name: topic, partitions: counts.length }]);
    const messages = counts.flatMap((count, partition) =>
      Array.from({ length: count }, (_, n) => ({
        partition,
        key: `p${partition}-${n}`,
        value: 'x',
      })),
    );
    if (messages.length > 0) await producer.send({ topic, acks: -1, messages });
    return topic;
  }

  beforeAll(async () => {
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  it('reads every record up to the end of each partition, skipping empty ones', async () => {
    const topic = await topicHolding([2, 0, 3]);
    const records = await readTopicToEnd(connection, topic, 20_000);
    expect(records.map((r) => `${r.partition}:${r.offset}:${r.key ?? ''}`).sort()).toEqual([
      '0:0:p0-0',
      '0:1:p0-1',
      '2:0:p2-0',
      '2:1:p2-1',
      '2:2:p2-2',
    ]);
  });

  it('answers an empty topic with no records', async () => {
    const topic = await topicHolding([0, 0, 0]);
    expect(await readTopicToEnd(connection, topic, 20_000)).toEqual([]);
  });

  it('finds a single record a "nothing arrived" check is looking for', async () => {
    const topic = await topicHolding([0, 1, 0]);
    expect(await readTopicToEnd(connection, topic, 20_000)).toEqual([
      expect.objectContaining({ partition: 1, offset: '0', key: 'p1-0' }),
    ]);
  });

  it('fails when fewer records than awaited arrive in time, instead of answering short', async () => {
    const topic = await topicHolding([1, 1, 0]);
    await expect(readTopic(connection, topic, 3, 2000)).rejects.toThrow(
      `2 of 3 records arrived on ${topic} within 2000 ms`,
    );
    expect(await readTopic(connection, topic, 2, 20_000)).toHaveLength(2);
  });

  it('refuses to wait for no record at all', async () => {
    await expect(readTopic(connection, 'any', 0, 1000)).rejects.toThrow(RangeError);
  });
});
