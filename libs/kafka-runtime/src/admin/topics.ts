import type { Admin, Kafka } from '../external/kafka.interface';

export interface TopicDeclaration {
  readonly name: string;
  readonly partitions: number;
  /** Omitted: the cluster's default.replication.factor. */
  readonly replicationFactor?: number;
  readonly config?: Readonly<Record<string, string>>;
}

/**
 * Creates the topics that do not exist yet; existing topics are left as they are. Idempotent,
 * and safe when several services create the same topics at the same moment. Resolves once every
 * declared topic has a leader for each partition, so that the caller can produce and subscribe
 * at once.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicDeclaration[],
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) {
      await waitForLeaders(admin, topics);
      return [];
    }
    let creationError: unknown;
    try {
      await admin.createTopics({
        // Waited for below: kafkajs' own wait gives up on a topic its broker does not know yet.
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor ?? -1,
          configEntries: Object.entries(topic.config ?? {}).map(([name, value]) => ({
            name,
            value,
          })),
        })),
      });
    } catch (error: unknown) {
      // Another instance created some of them at the same moment: fine once they all exist.
      if (!onlyAlreadyExists(error)) throw error;
      creationError = error;
    }
    try {
      await waitForLeaders(admin, topics);
    } catch (error: unknown) {
      throw creationError ?? error;
    }
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}

function onlyAlreadyExists(error: unknown): boolean {
  const typeOf = (item: unknown): unknown =>
    typeof item === 'object' && item !== null && 'type' in item ? item.type : undefined;
  if (typeOf(error) === 'TOPIC_ALREADY_EXISTS') return true;
  const errors =
    typeof error === 'object' && error !== null && 'errors' in error ? error.errors : undefined;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((item) => typeOf(item) === 'TOPIC_ALREADY_EXISTS')
  );
}

const LEADER_WAIT_MS = 30_000;

/**
 * A topic another service just created may not be known to every broker yet ("does not host
 * this topic-partition") or may still be electing leaders: ask again until it is ready.
 */
async function waitForLeaders(admin: Admin, topics: readonly TopicDeclaration[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({
        topics: topics.map((topic) => topic.name),
      });
      const ready = metadata.every(
        (topic) =>
          topic.partitions.length > 0 &&
          topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (ready) return;
      if (Date.now() >= deadline) {
        throw new Error(
          `Topics have no leader after ${LEADER_WAIT_MS} ms: ${topics.map((t) => t.name).join(', ')}`,
        );
      }
    } catch (error: unknown) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((done) => setTimeout(done, pause));
  }
}
