import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_ROOT } from '../contract';
import { mayPublish, mayWriteInto, Ownership, ownerOf } from './ownership';
import { SourceSystems } from './systems';
import {
  AllTopics,
  deadLetterTopicOf,
  retryTopicOf,
  topicDeclarations,
  Topics,
  topicOwner,
} from './topics';

describe('topic catalog', () => {
  it('names every topic ferry.<domain>.<entity>, uniquely', () => {
    const names = AllTopics.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^ferry\.[a-z]+\.[a-z-]+$/);
  });

  it('has a schema folder with at least a v1 for every topic', () => {
    for (const topic of AllTopics) {
      expect(readdirSync(join(SCHEMAS_ROOT, topic.schemaFolder))).toContain(
        `${topic.eventType}.v1.avsc`,
      );
    }
  });

  it('has no schema folder that no topic declares', () => {
    const declared = new Set(AllTopics.map((t) => t.schemaFolder));
    expect(readdirSync(SCHEMAS_ROOT).filter((folder) => !declared.has(folder))).toEqual([]);
  });

  it('declares main, retry tiers and dead-letter topics', () => {
    expect(topicDeclarations(Topics.inventoryLevels).map((t) => t.name)).toEqual([
      'ferry.inventory.levels',
      'ferry.inventory.levels.retry.30s',
      'ferry.inventory.levels.retry.2m',
      'ferry.inventory.levels.retry.8m',
      'ferry.inventory.levels.retry.30m',
      'ferry.inventory.levels.retry.2h',
      'ferry.inventory.levels.dlq',
    ]);
    expect(retryTopicOf('t', 1500)).toBe('t.retry.1500ms');
    expect(deadLetterTopicOf('t')).toBe('t.dlq');
  });
});

describe('ownership map', () => {
  it('gives every entity exactly one owner, which never receives its own entity', () => {
    for (const [entity, { owner, receivers }] of Object.entries(Ownership)) {
      expect(SourceSystems).toContain(owner);
      expect(receivers).not.toContain(owner);
      expect(ownerOf(entity as keyof typeof Ownership)).toBe(owner);
    }
  });

  it('lets only the owner publish and never writes an entity into its owner', () => {
    expect(mayPublish('wms', 'inventoryLevel')).toBe(true);
    expect(mayPublish('erp', 'inventoryLevel')).toBe(false);
    expect(mayWriteInto('erp', 'inventoryLevel')).toBe(true);
    expect(mayWriteInto('wms', 'inventoryLevel')).toBe(false);
    expect(mayWriteInto('erp', 'purchaseOrder')).toBe(false);
  });

  it('gives each topic the owner of its entity', () => {
    expect(topicOwner(Topics.inventoryLevels)).toBe('wms');
    expect(topicOwner(Topics.purchaseOrders)).toBe('erp');
    expect(topicOwner(Topics.salesOrders)).toBe('storefront');
  });
});
