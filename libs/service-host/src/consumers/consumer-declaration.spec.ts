import { InventoryLevelSetContract, Topics } from '@ferry/contracts';
import { hostConsumer, type ConsumerBinding } from './consumer-declaration';

describe('hostConsumer', () => {
  it('keeps the topic and group of its binding, and nothing else of a configuration', () => {
    const config: ConsumerBinding & { readonly kafkaSaslPassword: string } = {
      topic: 'ferry.inventory.levels',
      groupId: 'ferry.inventory-projector',
      kafkaSaslPassword: 'not-for-any-log',
    };
    const hosted = hostConsumer(
      {
        name: 'inventory-projection',
        topic: Topics.inventoryLevels,
        contract: InventoryLevelSetContract,
        apply: () => Promise.resolve({}),
      },
      config,
    );
    expect(hosted.binding).toEqual({
      topic: 'ferry.inventory.levels',
      groupId: 'ferry.inventory-projector',
    });
    expect(JSON.stringify(hosted.binding)).not.toContain('not-for-any-log');
    expect(hosted.ordering).toBe('version-guarded');
  });
});
