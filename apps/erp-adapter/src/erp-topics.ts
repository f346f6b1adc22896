import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Topics, topicDeclarations } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { runsIntake } from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from './config';

/**
 * Creates the topics the intake publishes to (with retry and dead-letter tiers) in one admin
 * request at start, before the consumer host creates the sinks' own. One request rather than one
 * per publisher: parallel creations made the brokers' metadata answer "does not host this
 * topic-partition" while leaders were still being elected.
 */
@Injectable()
export class ErpTopics implements OnModuleInit {
  constructor(
    @Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig,
    private readonly runtime: KafkaRuntime,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.createTopics || !runsIntake(this.config.role)) return;
    await this.runtime.ensureTopics([
      ...topicDeclarations(Topics.purchaseOrders, this.config.purchaseOrderTopic),
      ...topicDeclarations(Topics.invoices, this.config.invoiceTopic),
    ]);
  }
}
