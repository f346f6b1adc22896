import { readConfig, type ConfigOf } from '@ferry/config';
import { Topics } from '@ferry/contracts';
import { kafkaConnectionOptions, schemaRegistryOptions } from '@ferry/kafka-runtime';
import { httpServerOptions, projectionOptions, tracingOptions } from '@ferry/service-host';

/** Everything the shipment projector reads from its environment. */
export const shipmentProjectorOptions = {
  ...kafkaConnectionOptions,
  ...schemaRegistryOptions,
  ...httpServerOptions(3004),
  ...tracingOptions,
  ...projectionOptions({
    topic: Topics.shipmentStatus.name,
    topicVariable: 'FERRY_SHIPMENT_STATUS_TOPIC',
    group: 'ferry.shipment-projector',
  }),
};

export type ShipmentProjectorConfig = ConfigOf<typeof shipmentProjectorOptions>;

export function readShipmentProjectorConfig(
  env: NodeJS.ProcessEnv = process.env,
): ShipmentProjectorConfig {
  return readConfig(shipmentProjectorOptions, env);
}
