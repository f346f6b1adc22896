import { Module, type DynamicModule } from '@nestjs/common';
import { kafkaRuntimeProvider, ServiceHostModule } from '@ferry/service-host';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from './config';
import { InventoryLevelsController } from './inventory/inventory-levels.controller';
import { InventoryLevelsPublisher } from './inventory/inventory-levels.publisher';

@Module({})
export class WmsAdapterModule {
  static withConfig(config: WmsAdapterConfig): DynamicModule {
    return {
      module: WmsAdapterModule,
      imports: [ServiceHostModule],
      controllers: [InventoryLevelsController],
      providers: [
        { provide: WMS_ADAPTER_CONFIG, useValue: config },
        kafkaRuntimeProvider(config, 'wms-adapter'),
        InventoryLevelsPublisher,
      ],
    };
  }
}
