import './tracing';
import { runConsumerService } from '@ferry/service-host';
import { shipmentProjectorOptions } from './config';
import { shipmentProjection } from './shipments/shipment-projection';

runConsumerService({
  name: 'shipment-projector',
  options: shipmentProjectorOptions,
  consumer: shipmentProjection,
});
