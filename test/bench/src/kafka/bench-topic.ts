import {
  InventoryLevelSetContract,
  topicDeclarations,
  Topics,
  valueSubject,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { Kafka, logLevel, type Admin } from 'kafkajs';

export interface KafkaEndpoints {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
}

/** Events per publish call: ~1.5 MB of records, a few hundred kB per partition's batch. */
const PUBLISH_CHUNK = 5_000;

/**
 * Creates `topic` as the catalog declares the inventory topic (6 partitions, plus its retry and
 * dead-letter topics) and publishes `events` with Ferry's own publisher, so consumers later read
 * exactly what production writes: Avro in the wire format, keyed by entity id, with headers.
 */
export interface PublishRun {
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** CPU of this process per event while it published (encoding, kafkajs, checks). */
  readonly cpuUsPerEvent: number;
  /** Mean size of a record's value (wire format: Avro plus its 5-byte header). */
  readonly meanValueBytes: number;
}

export async function publishWorkload(
  endpoints: KafkaEndpoints,
  topic: string,
  events: readonly InventoryLevelSet[],
): Promise<PublishRun> {
  const runtime = new KafkaRuntime({
    connection: {
      brokers: endpoints.kafkaBrokers,
      clientId: 'ferry-bench',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
    },
    schemaRegistryUrl: endpoints.schemaRegistryUrl,
    logger: silentLogger,
  });
  await runtime.ensureTopics(topicDeclarations(Topics.inventoryLevels, topic));
  const publisher = runtime.publisher({
    topic,
    subject: valueSubject(topic),
    contract: InventoryLevelSetContract,
    originSystem: 'wms',
  });
  await publisher.connect();
  try {
    const cpuAtStart = process.cpuUsage();
    const started = performance.now();
    for (let start = 0; start < events.length; start += PUBLISH_CHUNK)
      await publisher.publish(events.slice(start, start + PUBLISH_CHUNK));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      seconds,
      eventsPerSecond: events.length / seconds,
      cpuUsPerEvent: (cpu.user + cpu.system) / events.length,
      meanValueBytes: meanValueBytes(events),
    };
  } finally {
    await publisher.disconnect();
  }
}

/** Over the first 1,000 events: what ProducerPerformance is asked to write per record. */
function meanValueBytes(events: readonly InventoryLevelSet[]): number {
  const sample = events.slice(0, 1_000);
  const total = sample.reduce(
    (sum, event) => sum + 5 + InventoryLevelSetContract.avroType.toBuffer(event).length,
    0,
  );
  return Math.round(total / Math.max(1, sample.length));
}

/** A plain topic of `partitions` (ProducerPerformance's target), replication as the broker's default. */
export async function createPlainTopic(
  brokers: readonly string[],
  topic: string,
  partitions: number,
): Promise<void> {
  await withAdmin(brokers, async (admin) => {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions }],
      waitForLeaders: true,
    });
  });
}

/**
 * Deletes those of `topics` that exist. The runtime library offers no deletion on purpose, so
 * this uses kafkajs' admin directly.
 */
export async function deleteTopics(
  brokers: readonly string[],
  topics: readonly string[],
): Promise<void> {
  await withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  });
}

/** kafkajs' admin, connected for `work` and disconnected after it. */
async function withAdmin(brokers: readonly string[], work: (admin: Admin) => Promise<void>) {
  const admin = new Kafka({
    brokers: [...brokers],
    clientId: 'ferry-bench',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.disconnect();
  }
}
