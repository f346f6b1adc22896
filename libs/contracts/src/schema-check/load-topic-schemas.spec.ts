import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AllTopics, Topics } from '../catalog/topics';
import { SCHEMAS_ROOT } from '../contract';
import { loadTopicSchemas } from './load-topic-schemas';

describe('loadTopicSchemas', () => {
  it("loads every topic of the catalog from the repository's schemas without problems", () => {
    const loaded = loadTopicSchemas();
    expect(loaded.map((t) => t.topic.name)).toEqual(AllTopics.map((t) => t.name));
    expect(loaded.flatMap((t) => t.problems)).toEqual([]);
    const levels = loaded.find((t) => t.topic === Topics.inventoryLevels);
    expect(levels?.versions.map((v) => v.file)).toEqual([
      'inventory-levels/InventoryLevelSet.v1.avsc',
      'inventory-levels/InventoryLevelSet.v2.avsc',
    ]);
  });

  describe('in a broken copy of the schemas', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'ferry-schemas-'));
      cpSync(SCHEMAS_ROOT, root, { recursive: true });
    });
    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('reports the problems of a topic and keeps none of its versions', () => {
      writeFileSync(join(root, 'inventory-levels', 'InventoryLevelSet.v4.avsc'), '{}');
      const [levels] = loadTopicSchemas(root, [Topics.inventoryLevels]);
      expect(levels?.versions).toEqual([]);
      expect(levels?.problems).toEqual([
        'inventory-levels/InventoryLevelSet.v3.avsc is missing: versions must run from v1 without gaps',
        'inventory-levels/InventoryLevelSet.v4.avsc: must be an Avro schema of type "record"',
      ]);
    });

    it('reports a missing folder', () => {
      rmSync(join(root, 'invoices'), { recursive: true });
      unlinkSync(join(root, 'sales-orders', 'SalesOrderPlaced.v1.avsc'));
      const loaded = loadTopicSchemas(root, [Topics.invoices, Topics.salesOrders]);
      expect(loaded.map((t) => t.problems)).toEqual([
        ['invoices: folder is missing'],
        ['sales-orders: no SalesOrderPlaced.v<N>.avsc files'],
      ]);
    });
  });
});
