import { join } from 'node:path';
import {
  InventoryLevelSetContract,
  SCHEMAS_ROOT,
  topicDeclarations,
  Topics,
  valueSubject,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { KafkaRuntime, type EventPublisher } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { inventoryLevelSet, testEnvironment, uniqueName } from '@ferry/test-support';
import { produceWithJavaClient } from '../support/java-clients';
import type { EffectsOracle } from './effects-oracle';

/**
 * An InventoryLevelSet that happened now. The publisher uses `occurredAt` as the Kafka record
 * timestamp, and the topic deletes records older than its retention (30 days): with the fixed 2023
 * timestamps of `inventoryLevelSet`, the broker's next retention check empties the topic under
 * the test (the consumer then sees its offsets out of range).
 */
export function currentInventoryLevelSet(
  sku: string,
  version: number,
  onHand: number,
  location?: string,
): InventoryLevelSet {
  return { ...inventoryLevelSet(sku, version, onHand, location), occurredAt: Date.now() };
}

/**
 * InventoryLevelSet events of `skuCount` SKUs in round robin, each SKU's version one higher than
 * its last: `next(n)` continues the stream. The same SKU and version always has the same event id.
 */
export class InventoryLevelStream {
  private readonly versions: number[];
  private position = 0;

  constructor(
    private readonly skuPrefix: string,
    private readonly skuCount: number,
    private readonly location?: string,
  ) {
    this.versions = new Array<number>(skuCount).fill(0);
  }

  next(count: number): InventoryLevelSet[] {
    return Array.from({ length: count }, () => {
      const sku = this.position % this.skuCount;
      this.position += 1;
      const version = (this.versions[sku] ?? 0) + 1;
      this.versions[sku] = version;
      return currentInventoryLevelSet(
        `${this.skuPrefix}-${sku}`,
        version,
        (version * 7) % 1000,
        this.location,
      );
    });
  }
}

/**
 * A topic of this test alone (with the retry and dead-letter topics the runtime expects) and
 * Ferry's own publisher for it. Everything published goes into the oracle once Kafka acked it.
 */
export class InventoryTopic {
  private constructor(
    readonly name: string,
    private readonly publisher: EventPublisher<InventoryLevelSet>,
    private readonly oracle: EffectsOracle,
  ) {}

  static async create(
    prefix: string,
    partitions: number,
    oracle: EffectsOracle,
  ): Promise<InventoryTopic> {
    const env = testEnvironment();
    const name = uniqueName(prefix);
    const runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'failure-tests',
        connectionTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
    await runtime.ensureTopics(topicDeclarations({ ...Topics.inventoryLevels, partitions }, name));
    const publisher = runtime.publisher({
      topic: name,
      subject: valueSubject(name),
      contract: InventoryLevelSetContract,
      originSystem: 'wms',
    });
    await publisher.connect();
    return new InventoryTopic(name, publisher, oracle);
  }

  /** Publishes in acknowledged chunks, in order: per key, the order of `events`. */
  async publish(events: readonly InventoryLevelSet[], chunkSize = 500): Promise<void> {
    for (let start = 0; start < events.length; start += chunkSize) {
      const chunk = events.slice(start, start + chunkSize);
      await this.publisher.publish(chunk);
      this.oracle.sent(chunk);
    }
  }

  /**
   * Sends `event` again through the Apache Kafka Java client (no kafkajs, no Ferry code), encoded
   * with schema v1: a duplicate from an independent producer, same event id.
   */
  async publishWithJavaClient(event: InventoryLevelSet): Promise<void> {
    const env = testEnvironment();
    if (!env.kafkaClasspath)
      throw new Error(
        'FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it to the Kafka client jars',
      );
    const { inTransit: _inTransit, binCode: _binCode, ...v1 } = event;
    await produceWithJavaClient(
      env.kafkaClasspath,
      { bootstrap: env.kafkaBrokers.join(','), topic: this.name, key: event.entityId },
      {
        registry: env.schemaRegistryUrl,
        subject: valueSubject(this.name),
        schemaFile: join(SCHEMAS_ROOT, 'inventory-levels', 'InventoryLevelSet.v1.avsc'),
        json: JSON.stringify(v1),
      },
    );
    this.oracle.sent([event]);
  }

  async close(): Promise<void> {
    await this.publisher.disconnect();
  }
}
