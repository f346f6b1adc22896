import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Topics, topicDeclarations } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { runsIntake, runsSink } from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from './config';

/**
 * Creates every topic the adapter publishes to or consumes (with retry and dead-letter tiers) in
 * one admin request at start. One request rather than one per publisher and consumer: parallel
 * creations made the brokers' metadata answer "does not host this topic-partition" while leaders
 * were still being elected.
 */
@Injectable()
export class ErpTopics implements OnModuleInit {
  constructor(
    @Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig,
    private readonly runtime: KafkaRuntime,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.createTopics) return;
    const { retryDelaysMs: delays } = this.config;
    await this.runtime.ensureTopics([
      ...(runsIntake(this.config.role)
        ? [
            ...topicDeclarations(Topics.purchaseOrders, this.config.purchaseOrderTopic),
            ...topicDeclarations(Topics.invoices, this.config.invoiceTopic),
          ]
        : []),
      ...(runsSink(this.config.role)
        ? [
            ...topicDeclarations(Topics.salesOrders, this.config.salesOrderTopic, delays),
            ...topicDeclarations(Topics.goodsReceipts, this.config.goodsReceiptTopic, delays),
            ...topicDeclarations(Topics.inventoryLevels, this.config.inventoryTopic, delays),
          ]
        : []),
    ]);
  }
}
