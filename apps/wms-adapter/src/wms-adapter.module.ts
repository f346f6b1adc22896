import { Module, type DynamicModule } from '@nestjs/common';
import {
  GoodsReceiptRecordedContract,
  InventoryLevelSetContract,
  ShipmentStatusChangedContract,
} from '@ferry/contracts';
import {
  ConsumersModule,
  consumerMigrations,
  DatabaseModule,
  hostConsumer,
  KafkaModule,
  runsIntake,
  runsSink,
  ServiceHostModule,
} from '@ferry/service-host';
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

/**
 * The WMS side of Ferry. Intake: what the WMS owns (inventory levels, goods receipts, shipment
 * status) arrives over HTTP and is published. Sink: confirmed purchase orders are sent to the WMS
 * as expected receipts. `FERRY_ROLE` runs one half or both.
 */
/** The schema of the expected-receipts sink: Ferry's dedup and parking tables, no tables of its own. */
export const wmsAdapterMigrations = consumerMigrations([]);

@Module({})
export class WmsAdapterModule {
  static forRoot(config: WmsAdapterConfig): DynamicModule {
    const intake = runsIntake(config.role);
    // The WMS sink runs only where the WMS's API is configured.
    const sink = runsSink(config.role) && config.wmsUrl !== '';
    return {
      module: WmsAdapterModule,
      imports: [
        ServiceHostModule.forRoot({ name: 'wms-adapter' }),
        KafkaModule.forRoot(config),
        ...(sink
          ? [
              DatabaseModule.forRoot({
                name: 'wms-adapter',
                config,
                migrations: wmsAdapterMigrations,
              }),
              ConsumersModule.register({
                config,
                consumers: [
                  hostConsumer(
                    expectedReceiptsSink(new WmsClient(config.wmsUrl, config.wmsTimeoutMs)),
                    config,
                  ),
                ],
              }),
            ]
          : []),
      ],
      controllers: intake ? [InventoryLevelsController, WmsIntakeController] : [],
      providers: [
        { provide: WMS_ADAPTER_CONFIG, useValue: config },
        ...(intake
          ? [
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
            ]
          : []),
      ],
    };
  }
}
