import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planConsumer, type WorkspaceView } from './consumer/consumer-plan';
import { stateFiles } from './consumer/state-files';
import { planEvent } from './event/event-plan';
import { CatalogFiles } from './paths';

const root = resolve(__dirname, '..', '..', '..');
const source = (path: string) => readFileSync(join(root, path), 'utf8');
const catalog = {
  topics: source(CatalogFiles.topics),
  ownership: source(CatalogFiles.ownership),
  systems: source(CatalogFiles.systems),
};
const noFolder = () => false;

const priceLists = {
  name: 'PriceListPublished',
  owner: 'pim',
  topic: 'ferry.pricing.price-lists',
  fields: 'priceListId:string,amount:decimal(18,4),note:string?',
  receivers: 'erp,wms',
};

describe('planEvent', () => {
  it('derives the entity, the topic key and the schema folder, and knows a new system', () => {
    expect(planEvent(priceLists, catalog, noFolder)).toMatchObject({
      entity: 'priceList',
      topicKey: 'priceLists',
      schemaFolder: 'price-lists',
      domain: 'pricing',
      keyField: { name: 'priceListId' },
      receivers: ['erp', 'wms'],
      newSystems: ['pim'],
    });
  });

  it('refuses what the catalog has, and a system receiving what it owns', () => {
    expect(() =>
      planEvent(
        {
          ...priceLists,
          name: 'InventoryLevelSet',
          topic: 'ferry.inventory.levels',
          receivers: 'pim',
        },
        catalog,
        (folder) => folder === 'levels',
      ),
    ).toThrow(
      /InventoryLevelSet exists[^]*ferry.inventory.levels exists[^]*schemas\/levels exists[^]*pim owns level/,
    );
  });

  it('refuses a key that is optional or not among the fields', () => {
    expect(() => planEvent({ ...priceLists, key: 'note' }, catalog, noFolder)).toThrow(
      /--key note must be a required string, uuid, int or long/,
    );
    expect(() => planEvent({ ...priceLists, key: 'sku' }, catalog, noFolder)).toThrow(
      /--key sku is not one of the fields/,
    );
  });
});

const workspace: WorkspaceView = {
  topics: catalog.topics,
  ownership: catalog.ownership,
  appExists: (app) => app === 'inventory-projector',
  newestSchema: (topic) =>
    JSON.parse(
      source(
        `schemas/${topic.schemaFolder}/${topic.eventType}.v${topic.eventType === 'ShipmentStatusChanged' ? 2 : 1}.avsc`,
      ),
    ) as unknown,
  portsInUse: [3001, 3004, 3006],
};

describe('planConsumer', () => {
  it('maps the newest schema’s fields to columns, the key first', () => {
    const plan = planConsumer(
      { name: 'shipment-mirror', event: 'ShipmentStatusChanged', kind: 'state' },
      workspace,
    );
    expect(plan).toMatchObject({
      group: 'ferry.shipment-mirror',
      port: 3007,
      table: 'shipment_status',
      topicVariable: 'FERRY_SHIPMENT_STATUS_TOPIC',
      keyField: { name: 'shipmentId' },
      skipped: [],
    });
    expect(stateFiles(plan)['migrations/001_shipment_status.sql']).toContain(
      'shipment_id text PRIMARY KEY',
    );
  });

  it('leaves out fields with no one column, and names them', () => {
    const plan = planConsumer(
      { name: 'po-mirror', event: 'PurchaseOrderState', kind: 'state' },
      workspace,
    );
    expect(plan.skipped).toContain('lines');
    expect(stateFiles(plan)['src/purchase-order-projection.ts']).toContain(
      'Not projected (no single column): lines',
    );
  });

  it('refuses an unknown event, an app that exists, a composite key and a sink its target may not receive', () => {
    expect(() =>
      planConsumer({ name: 'x', event: 'PriceListPublished', kind: 'state' }, workspace),
    ).toThrow(/PriceListPublished is not in the topic catalog/);
    expect(() =>
      planConsumer(
        { name: 'inventory-projector', event: 'InventoryLevelSet', kind: 'state' },
        workspace,
      ),
    ).toThrow(/apps\/inventory-projector exists[^]*\(sku@location\) is not one field/);
    expect(() =>
      planConsumer(
        { name: 'po-sink', event: 'PurchaseOrderState', kind: 'sink', target: 'erp' },
        workspace,
      ),
    ).toThrow(/the ownership map does not let erp receive purchaseOrder/);
  });
});
