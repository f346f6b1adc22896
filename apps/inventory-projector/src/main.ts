import './tracing';
import { runConsumerService } from '@ferry/service-host';
import { inventoryProjectorOptions } from './config';
import { inventoryProjection } from './inventory/inventory-projection';

runConsumerService({
  name: 'inventory-projector',
  options: inventoryProjectorOptions,
  consumer: inventoryProjection,
});
