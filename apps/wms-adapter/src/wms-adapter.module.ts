import { Module, type DynamicModule } from '@nestjs/common';
import {
  GoodsReceiptRecordedContract,
  InventoryLevelSetContract,
  ShipmentStatusChangedContract,
} from '@ferry/contracts';
import { kafkaRuntimeProvider, projectionProvider, ServiceHostModule } from '@ferry/service-host';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from './config';
import {
  INVENTORY_LEVEL_PUBLISHER,
  InventoryLevelsController,
} from './inventory/inventory-levels.controller';
import { expectedReceiptsSink } from './expected-receipts/expected-receipts.sink';
import { WmsClient } from './expected-receipts/wms-client';
import { wmsPublications } from './publications';
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
        wmsPublications.provider(INVENTORY_LEVEL_PUBLISHER, InventoryLevelSetContract, {
          topic: config.inventoryTopic,
          createTopics: config.createTopics,
        }),
        wmsPublications.provider(GOODS_RECEIPT_PUBLISHER, GoodsReceiptRecordedContract, {
          topic: config.goodsReceiptTopic,
          createTopics: config.createTopics,
        }),
        wmsPublications.provider(SHIPMENT_STATUS_PUBLISHER, ShipmentStatusChangedContract, {
          topic: config.shipmentStatusTopic,
          createTopics: config.createTopics,
        }),
        // The WMS sink runs only where the WMS's API is configured.
        ...(config.wmsUrl === ''
          ? []
          : [
              projectionProvider(
                expectedReceiptsSink(new WmsClient(config.wmsUrl, config.wmsTimeoutMs)),
                config,
              ),
            ]),
      ],
    };
  }
}
