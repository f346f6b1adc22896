import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  InventoryLevelSetContract,
  topicDeclarations,
  Topics,
  valueSubject,
  type InventoryLevelSet,
} from '@ferry/contracts';
import { KafkaRuntime, type EventPublisher } from '@ferry/kafka-runtime';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from '../config';
import { WMS_SOURCE } from './inventory-snapshot';

/** Owns the InventoryLevelSet publisher's lifecycle: topics and schema at start, flush at stop. */
@Injectable()
export class InventoryLevelsPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly publisher: EventPublisher<InventoryLevelSet>;

  constructor(
    private readonly runtime: KafkaRuntime,
    @Inject(WMS_ADAPTER_CONFIG) private readonly config: WmsAdapterConfig,
  ) {
    this.publisher = runtime.publisher({
      topic: config.inventoryTopic,
      subject: valueSubject(config.inventoryTopic),
      contract: InventoryLevelSetContract,
      originSystem: WMS_SOURCE,
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.config.createTopics) {
      await this.runtime.ensureTopics(
        topicDeclarations(Topics.inventoryLevels, this.config.inventoryTopic),
      );
    }
    await this.publisher.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.publisher.disconnect();
  }

  publish(events: readonly InventoryLevelSet[], traceparent?: string): Promise<void> {
    return this.publisher.publish(events, traceparent);
  }
}
