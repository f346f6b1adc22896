import { Module, type DynamicModule } from '@nestjs/common';
import { InvoicePostedContract, PurchaseOrderStateContract } from '@ferry/contracts';
import { kafkaRuntimeProvider, runsIntake, runsSink, ServiceHostModule } from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from './config';
import { CatchUpPoller } from './inbound/catch-up-poller';
import { ErpEventPublisher } from './inbound/erp-event-publisher';
import { OdooWebhookController } from './inbound/odoo-webhook.controller';
import { odooAdapterProvider } from './odoo/odoo-connection';
import { erpPublications, INVOICE_PUBLISHER, PURCHASE_ORDER_PUBLISHER } from './publications';
import { ErpSinkHost } from './sink/erp-sink.host';
import { ErpStorage } from './storage/erp-storage';
import { ErpTopics } from './erp-topics';

/**
 * The ERP side of Ferry, Odoo first. Intake: signed webhooks and the catch-up poll publish what
 * the ERP owns (purchase orders, invoices). Sink: writes what the ERP receives. `FERRY_ROLE` runs
 * one half or both.
 */
@Module({})
export class ErpAdapterModule {
  static withConfig(config: ErpAdapterConfig): DynamicModule {
    const intake = runsIntake(config.role);
    return {
      module: ErpAdapterModule,
      imports: [ServiceHostModule],
      controllers: intake ? [OdooWebhookController] : [],
      providers: [
        { provide: ERP_ADAPTER_CONFIG, useValue: config },
        kafkaRuntimeProvider(config, 'erp-adapter'),
        odooAdapterProvider,
        ErpStorage,
        // Creates the publishers' and the sink's topics (FERRY_CREATE_TOPICS) in one request.
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
        ...(runsSink(config.role) ? [ErpSinkHost] : []),
      ],
    };
  }
}
