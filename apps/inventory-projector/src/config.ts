import { readConfig, type ConfigOf } from '@ferry/config';
import { Topics } from '@ferry/contracts';
import { kafkaConnectionOptions, schemaRegistryOptions } from '@ferry/kafka-runtime';
import { httpServerOptions, projectionOptions, tracingOptions } from '@ferry/service-host';

/** Everything the inventory projector reads from its environment. */
export const inventoryProjectorOptions = {
  ...kafkaConnectionOptions,
  ...schemaRegistryOptions,
  ...httpServerOptions(3002),
  ...tracingOptions,
  ...projectionOptions({
    topic: Topics.inventoryLevels.name,
    topicVariable: 'FERRY_INVENTORY_TOPIC',
    group: 'ferry.inventory-projector',
  }),
};

export type InventoryProjectorConfig = ConfigOf<typeof inventoryProjectorOptions>;

export function readInventoryProjectorConfig(
  env: NodeJS.ProcessEnv = process.env,
): InventoryProjectorConfig {
  return readConfig(inventoryProjectorOptions, env);
}
