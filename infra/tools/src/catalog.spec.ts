import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ownership, ServiceAccess, SourceSystems, Systems, Topics } from '@ferry/contracts';
import {
  addInvariants,
  addOwnership,
  addServiceAccess,
  addSystem,
  addTopic,
  addWorkload,
} from './catalog-edits';
import { readOwnership, readSystems, readTopics } from './catalog-reading';
import { CatalogFiles } from './paths';

const root = resolve(__dirname, '..', '..', '..');
const source = (path: string) => readFileSync(join(root, path), 'utf8');

describe('reading the catalog from its source', () => {
  it('reads the topics the catalog holds', () => {
    expect(readTopics(source(CatalogFiles.topics))).toEqual(
      Object.entries(Topics).map(([key, spec]) => ({
        key,
        name: spec.name,
        entity: spec.entity,
        eventType: spec.eventType,
        schemaFolder: spec.schemaFolder,
        keyField: spec.key,
        partitions: spec.partitions,
      })),
    );
  });

  it('reads the ownership map and the systems', () => {
    expect(readOwnership(source(CatalogFiles.ownership))).toEqual(
      Object.entries(Ownership).map(([entity, { owner, receivers }]) => ({
        entity,
        owner,
        receivers,
      })),
    );
    expect(readSystems(source(CatalogFiles.systems))).toEqual({
      systems: [...Systems],
      sourceSystems: [...SourceSystems],
    });
  });
});

describe('editing the catalog', () => {
  it('adds a topic that reads back as written', () => {
    const priceLists = {
      key: 'priceLists',
      name: 'ferry.pricing.price-lists',
      entity: 'priceList',
      eventType: 'PriceListPublished',
      schemaFolder: 'price-lists',
      keyField: 'priceListId',
      partitions: 3,
    };
    expect(readTopics(addTopic(source(CatalogFiles.topics), priceLists)).at(-1)).toEqual(
      priceLists,
    );
  });

  it('adds an owner, a system, a service’s access and its workload', () => {
    expect(
      readOwnership(addOwnership(source(CatalogFiles.ownership), 'priceList', 'pim', ['erp'])).at(
        -1,
      ),
    ).toEqual({ entity: 'priceList', owner: 'pim', receivers: ['erp'] });
    expect(readSystems(addSystem(source(CatalogFiles.systems), 'pim', true))).toEqual({
      systems: [...Systems, 'pim'],
      sourceSystems: [...SourceSystems, 'pim'],
    });
    const access = addServiceAccess(source(CatalogFiles.kafkaAccess), {
      service: 'price-list-projector',
      topicKey: 'priceLists',
      group: 'ferry.price-list-projector',
    });
    expect(access).toContain(
      "consumes: [{ topic: 'priceLists', group: 'ferry.price-list-projector' }],",
    );
    expect(access.indexOf('price-list-projector')).toBeGreaterThan(
      access.indexOf(`service: '${ServiceAccess.at(-1)?.service ?? ''}'`),
    );
    expect(
      addWorkload(source(CatalogFiles.workloads), { service: 'wms-price-list-sink', calls: 'wms' }),
    ).toContain(
      "{ name: 'wms-price-list-sink', service: 'wms-price-list-sink', traffic: 'consumer', calls: 'wms' },",
    );
  });

  it('refuses a file that lost the line it writes before', () => {
    expect(() =>
      addTopic('export const Topics = {};', {
        key: 'x',
        name: 'x',
        entity: 'x',
        eventType: 'X',
        schemaFolder: 'x',
        keyField: 'x',
        partitions: 1,
      }),
    ).toThrow(/topics.ts no longer has "} as const satisfies Record<string, TopicSpec>;"/);
  });
});

describe('the invariants of a new event type', () => {
  it('declares its entity id to be its key field', () => {
    expect(
      addInvariants(source(CatalogFiles.invariants), 'PriceListPublished', 'priceListId'),
    ).toContain(
      "  PriceListPublished: [entityIdIs((event) => event['priceListId'], 'priceListId')],\n};",
    );
  });
});
