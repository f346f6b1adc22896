import {
  inventoryEntityId,
  InventoryLevelSetContract,
  valueSubject,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { silentLogger } from '@ferry/observability';
import { inventoryLevelSet, testEnvironment, uniqueName } from '@ferry/test-support';
import { ownershipMetrics, OwnershipViolation } from '../ownership/ownership-guard';
import { KafkaRuntime } from '../runtime';
import { readTopicToEnd } from '../testing/read-topic';

/*
 * Ownership at the only door to Kafka, against the real broker and registry: a non-owner gets no
 * publisher, and a call carrying a non-owner's change produces nothing at all.
 */
describe('EventPublisher ownership (real Kafka and registry)', () => {
  const env = testEnvironment();
  const runtime = new KafkaRuntime({
    connection: {
      brokers: env.kafkaBrokers,
      clientId: 'publisher-ownership-test',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
    },
    schemaRegistryUrl: env.schemaRegistryUrl,
    logger: silentLogger,
  });

  const refusalsOf = async (system: string): Promise<number> =>
    (await ownershipMetrics.refused.get()).values.find(
      (v) => v.labels['system'] === system && v.labels['entity'] === 'inventoryLevel',
    )?.value ?? 0;

  it('gives the ERP no publisher of inventory levels (the WMS owns them)', async () => {
    const before = await refusalsOf('erp');
    const topic = uniqueName('publisher_not_owner');
    expect(() =>
      runtime.publisher({
        topic,
        subject: valueSubject(topic),
        contract: InventoryLevelSetContract,
        originSystem: 'erp',
      }),
    ).toThrow(new OwnershipViolation('erp', 'inventoryLevel'));
    expect(await refusalsOf('erp')).toBe(before + 1);
  });

  it("refuses a call holding a non-owner's change whole, and publishes the owner's", async () => {
    const topic = uniqueName('publisher_refusal');
    await runtime.ensureTopics([{ name: topic, partitions: 1 }]);
    const publisher = runtime.publisher({
      topic,
      subject: valueSubject(topic),
      contract: InventoryLevelSetContract,
      originSystem: 'wms',
    });
    await publisher.connect();
    try {
      const owners = inventoryLevelSet('SKU-OWNED', 1, 4);
      const smuggled: InventoryLevelSet = {
        ...inventoryLevelSet('SKU-SMUGGLED', 1, 9),
        sourceSystem: 'erp',
      };
      const before = await refusalsOf('erp');
      await expect(publisher.publish([owners, smuggled])).rejects.toThrow(
        new OwnershipViolation('erp', 'inventoryLevel'),
      );
      expect(await refusalsOf('erp')).toBe(before + 1);
      expect(await readTopicToEnd(runtime, topic)).toEqual([]);

      await publisher.publish([owners]);
      const published = await readTopicToEnd(runtime, topic);
      expect(published.map((record) => record.key)).toEqual([
        inventoryEntityId('SKU-OWNED', 'WH1'),
      ]);
    } finally {
      await publisher.disconnect();
    }
  });
});
