import { Topics } from '@ferry/contracts';
import { consumerServiceOptions } from '@ferry/service-host';

/** Everything the shipment projector reads from its environment. */
export const shipmentProjectorOptions = consumerServiceOptions({
  port: 3004,
  topic: Topics.shipmentStatus,
  topicVariable: 'FERRY_SHIPMENT_STATUS_TOPIC',
  group: 'ferry.shipment-projector',
});
