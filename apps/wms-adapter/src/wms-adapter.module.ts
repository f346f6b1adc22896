import { Module, type DynamicModule } from '@nestjs/common';
import { GoodsReceiptRecordedContract, ShipmentStatusChangedContract } from '@ferry/contracts';
import {
  catalogPublisherProvider,
  kafkaRuntimeProvider,
  ServiceHostModule,
} from '@ferry/service-host';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from './config';
import { InventoryLevelsController } from './inventory/inventory-levels.controller';
import { InventoryLevelsPublisher } from './inventory/inventory-levels.publisher';
import { WMS_SOURCE } from './inventory/inventory-snapshot';
import {
  GOODS_RECEIPT_PUBLISHER,
  SHIPMENT_STATUS_PUBLISHER,
  WmsIntakeController,
} from './wms-intake.controller';

@Module({})
export class WmsAdapterModule {
  static withConfig(config: WmsAdapterConfig): DynamicModule {
    return {
      module: WmsAdapterModule,
      imports: [ServiceHostModule],
      controllers: [InventoryLevelsController, WmsIntakeController],
      providers: [
        { provide: WMS_ADAPTER_CONFIG, useValue: config },
        kafkaRuntimeProvider(config, 'wms-adapter'),
        InventoryLevelsPublisher,
        catalogPublisherProvider(GOODS_RECEIPT_PUBLISHER, {
          contract: GoodsReceiptRecordedContract,
          system: WMS_SOURCE,
          topic: config.goodsReceiptTopic,
          createTopics: config.createTopics,
        }),
        catalogPublisherProvider(SHIPMENT_STATUS_PUBLISHER, {
          contract: ShipmentStatusChangedContract,
          system: WMS_SOURCE,
          topic: config.shipmentStatusTopic,
          createTopics: config.createTopics,
        }),
      ],
    };
  }
}
