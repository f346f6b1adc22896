import type { Kafka } from '../external/kafka.interface';

export interface TopicDeclaration {
  readonly name: string;
  readonly partitions: number;
  /** Omitted: the cluster's default.replication.factor. */
  readonly replicationFactor?: number;
  readonly config?: Readonly<Record<string, string>>;
}

/** Creates the topics that do not exist yet; existing topics are left as they are. Idempotent. */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicDeclaration[],
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return [];
    await admin
      .createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor ?? -1,
          configEntries: Object.entries(topic.config ?? {}).map(([name, value]) => ({
            name,
            value,
          })),
        })),
      })
      .catch(async (error: unknown) => {
        // Another instance created some of them at the same moment: fine if they all exist now.
        const now = new Set(await admin.listTopics());
        if (!missing.every((topic) => now.has(topic.name))) throw error;
      });
    return missing.map((topic) => topic.name);
  } finally {
    await admin.disconnect();
  }
}
