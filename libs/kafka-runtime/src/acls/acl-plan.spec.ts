import { ServiceAccess } from '@ferry/contracts';
import { AclPlanError, deriveAcls, describeRule, planAclChange } from './acl-plan';

const lines = (principal: string) =>
  deriveAcls(ServiceAccess)
    .filter((rule) => rule.principal === principal)
    .map(describeRule);

describe('deriveAcls', () => {
  it('lets the WMS adapter write only the topics of what the WMS owns, and read its one consumption', () => {
    expect(lines('User:ferry-wms-adapter')).toEqual([
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.inventory.levels',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.inventory.levels. (prefix)',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.logistics.shipment-status',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.logistics.shipment-status. (prefix)',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.purchasing.purchase-orders',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.purchasing.purchase-orders. (prefix)',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.warehouse.goods-receipts',
      'ALLOW User:ferry-wms-adapter DESCRIBE TOPIC ferry.warehouse.goods-receipts. (prefix)',
      'ALLOW User:ferry-wms-adapter READ GROUP ferry.wms-expected-receipts',
      'ALLOW User:ferry-wms-adapter READ TOPIC ferry.purchasing.purchase-orders',
      'ALLOW User:ferry-wms-adapter READ TOPIC ferry.purchasing.purchase-orders. (prefix)',
      'ALLOW User:ferry-wms-adapter WRITE TOPIC ferry.inventory.levels',
      'ALLOW User:ferry-wms-adapter WRITE TOPIC ferry.logistics.shipment-status',
      'ALLOW User:ferry-wms-adapter WRITE TOPIC ferry.purchasing.purchase-orders. (prefix)',
      'ALLOW User:ferry-wms-adapter WRITE TOPIC ferry.warehouse.goods-receipts',
    ]);
  });

  it('gives a projector no write on any main topic', () => {
    const writes = deriveAcls(ServiceAccess).filter(
      (rule) => rule.principal === 'User:ferry-inventory-projector' && rule.operation === 'WRITE',
    );
    expect(writes.map(describeRule)).toEqual([
      'ALLOW User:ferry-inventory-projector WRITE TOPIC ferry.inventory.levels. (prefix)',
    ]);
  });

  it('lets operators read dead letters and write only the first retry tier', () => {
    expect(lines('User:ferry-ops').filter((line) => line.includes('inventory'))).toEqual([
      'ALLOW User:ferry-ops DESCRIBE TOPIC ferry.inventory.levels.dlq',
      'ALLOW User:ferry-ops DESCRIBE TOPIC ferry.inventory.levels.retry.30s',
      'ALLOW User:ferry-ops READ TOPIC ferry.inventory.levels.dlq',
      'ALLOW User:ferry-ops WRITE TOPIC ferry.inventory.levels.retry.30s',
    ]);
  });

  it('lets the lag exporter describe every Ferry group and read every Ferry topic, writing nothing', () => {
    expect(lines('User:ferry-lag-exporter')).toEqual([
      'ALLOW User:ferry-lag-exporter DELETE GROUP ferry-dlq-reader- (prefix)',
      'ALLOW User:ferry-lag-exporter DELETE GROUP ferry-lag-reader- (prefix)',
      'ALLOW User:ferry-lag-exporter DESCRIBE GROUP ferry. (prefix)',
      'ALLOW User:ferry-lag-exporter DESCRIBE TOPIC ferry. (prefix)',
      'ALLOW User:ferry-lag-exporter READ GROUP ferry-dlq-reader- (prefix)',
      'ALLOW User:ferry-lag-exporter READ GROUP ferry-lag-reader- (prefix)',
      'ALLOW User:ferry-lag-exporter READ TOPIC ferry. (prefix)',
    ]);
  });

  it('refuses a declaration that publishes an entity its system does not own', () => {
    const rogue = [
      {
        service: 'rogue',
        principal: 'rogue',
        system: 'wms',
        publishes: ['purchaseOrders'],
        consumes: [],
      },
    ] as const;
    expect(() => deriveAcls(rogue)).toThrow(AclPlanError);
    expect(() => deriveAcls(rogue)).toThrow(
      'rogue publishes ferry.purchasing.purchase-orders but does not own it',
    );
  });
});

describe('planAclChange', () => {
  it('creates what is missing, deletes what is no longer derived, keeps the rest', () => {
    const [kept, added, stale] = [
      {
        principal: 'User:a',
        resourceType: 'TOPIC',
        resourceName: 't',
        pattern: 'LITERAL',
        operation: 'READ',
      },
      {
        principal: 'User:a',
        resourceType: 'TOPIC',
        resourceName: 't',
        pattern: 'LITERAL',
        operation: 'WRITE',
      },
      {
        principal: 'User:a',
        resourceType: 'GROUP',
        resourceName: 'g',
        pattern: 'LITERAL',
        operation: 'READ',
      },
    ] as const;
    expect(planAclChange([kept, added], [kept, stale])).toEqual({
      create: [added],
      remove: [stale],
      unchanged: 1,
    });
  });
});
