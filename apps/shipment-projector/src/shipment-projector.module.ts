import { Module, type DynamicModule } from '@nestjs/common';
import { kafkaRuntimeProvider, projectionProvider, ServiceHostModule } from '@ferry/service-host';
import type { ShipmentProjectorConfig } from './config';
import { shipmentProjection } from './shipments/shipment-projection';

@Module({})
export class ShipmentProjectorModule {
  static withConfig(config: ShipmentProjectorConfig): DynamicModule {
    return {
      module: ShipmentProjectorModule,
      imports: [ServiceHostModule],
      providers: [
        kafkaRuntimeProvider(config, 'shipment-projector'),
        projectionProvider(shipmentProjection, config),
      ],
    };
  }
}
