import { Module, type DynamicModule } from '@nestjs/common';
import { kafkaRuntimeProvider, projectionProvider, ServiceHostModule } from '@ferry/service-host';
import type { InventoryProjectorConfig } from './config';
import { inventoryProjection } from './inventory/inventory-projection';

@Module({})
export class InventoryProjectorModule {
  static withConfig(config: InventoryProjectorConfig): DynamicModule {
    return {
      module: InventoryProjectorModule,
      imports: [ServiceHostModule],
      providers: [
        kafkaRuntimeProvider(config, 'inventory-projector'),
        projectionProvider(inventoryProjection, config),
      ],
    };
  }
}
