import { Module, type DynamicModule } from '@nestjs/common';
import { InvoicePostedContract, PurchaseOrderStateContract } from '@ferry/contracts';
import type { ErpAdapter } from '@ferry/erp-odoo';
import {
  ConsumersModule,
  DatabaseModule,
  KafkaModule,
  runsIntake,
  runsSink,
  ServiceHostModule,
} from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from './config';
import { CatchUpPoller } from './inbound/catch-up-poller';
import { ErpEventPublisher } from './inbound/erp-event-publisher';
import { OdooWebhookController } from './inbound/odoo-webhook.controller';
import { ERP_ADAPTER, odooAdapterProvider } from './odoo/odoo-connection';
import { erpPublications, INVOICE_PUBLISHER, PURCHASE_ORDER_PUBLISHER } from './publications';
import { erpSinkConsumers } from './sink/erp-sink-consumers';
import { erpAdapterMigrationSources, ErpStorage } from './storage/erp-storage';
import { ErpTopics } from './erp-topics';

/**
 * The ERP side of Ferry, Odoo first. Intake: signed webhooks and the catch-up poll publish what
 * the ERP owns (purchase orders, invoices). Sink: writes what the ERP receives. `FERRY_ROLE` runs
 * one half or both.
 */
@Module({})
class ErpConnectionModule {
  static forRoot(config: ErpAdapterConfig): DynamicModule {
    return {
      module: ErpConnectionModule,
      global: true,
      providers: [
        { provide: ERP_ADAPTER_CONFIG, useValue: config },
        odooAdapterProvider,
        ErpStorage,
      ],
      exports: [ERP_ADAPTER_CONFIG, ERP_ADAPTER, ErpStorage],
    };
  }
}

@Module({})
export class ErpAdapterModule {
  static forRoot(config: ErpAdapterConfig): DynamicModule {
    const intake = runsIntake(config.role);
    return {
      module: ErpAdapterModule,
      imports: [
        ServiceHostModule.forRoot({ name: 'erp-adapter' }),
        KafkaModule.forRoot(config),
        DatabaseModule.forRoot({
          name: 'erp-adapter',
          config,
          migrations: erpAdapterMigrationSources,
        }),
        ErpConnectionModule.forRoot(config),
        ...(runsSink(config.role)
          ? [
              ConsumersModule.registerAsync({
                config,
                inject: [ERP_ADAPTER, ErpStorage],
                useFactory: (erp: ErpAdapter<unknown, unknown>, storage: ErpStorage) =>
                  erpSinkConsumers(config, erp, storage.writes),
              }),
            ]
          : []),
      ],
      controllers: intake ? [OdooWebhookController] : [],
      providers: [
        // Creates the publishers' topics (FERRY_CREATE_TOPICS) in one request.
        ErpTopics,
        ...(intake
          ? [
              erpPublications.provider(PURCHASE_ORDER_PUBLISHER, PurchaseOrderStateContract, {
                topic: config.purchaseOrderTopic,
                createTopics: false,
              }),
              erpPublications.provider(INVOICE_PUBLISHER, InvoicePostedContract, {
                topic: config.invoiceTopic,
                createTopics: false,
              }),
              ErpEventPublisher,
              CatchUpPoller,
            ]
          : []),
      ],
    };
  }
}
