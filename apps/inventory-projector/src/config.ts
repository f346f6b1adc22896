import { Topics } from '@ferry/contracts';
import { consumerServiceOptions } from '@ferry/service-host';

/** Everything the inventory projector reads from its environment. */
export const inventoryProjectorOptions = consumerServiceOptions({
  port: 3002,
  topic: Topics.inventoryLevels,
  topicVariable: 'FERRY_INVENTORY_TOPIC',
  group: 'ferry.inventory-projector',
});
