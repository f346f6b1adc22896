import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { EventEnvelope } from '@ferry/contracts';
import {
  consumerHealth,
  DEFAULT_NOT_MEMBER_AFTER_MS,
  KafkaRuntime,
  SinkGuard,
  type ProjectionConsumer,
} from '@ferry/kafka-runtime';
import { openDatabase, type Database } from '@ferry/persistence';
import { ServiceHealth } from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from '../config';
import { ERP_ADAPTER } from '../odoo/odoo-connection';
import { ErpStorage } from '../storage/erp-storage';
import { applyErpWrites, type ErpWriteDeps } from './apply-erp-writes';
import {
  goodsReceiptSink,
  inventoryLevelSink,
  salesOrderSink,
  type ErpSink,
  type ErpWriter,
} from './erp-sinks';

/** The ERP as a target system, in the ownership map's words. */
const ERP_TARGET = 'erp';

/** A consumer with lag and no progress for this long reports itself not live. */
const STALL_AFTER_MS = 300_000;

interface RunningSink {
  readonly name: string;
  readonly consumer: Pick<ProjectionConsumer<EventEnvelope>, 'start' | 'stop' | 'progress'>;
}

/**
 * Writes what the ERP receives (sales orders, goods receipts, inventory levels) into it, one
 * consumer group per entity on the Kafka runtime. `downstream: 'erp'`: an Odoo outage opens the
 * circuit breaker and holds the partitions instead of spending retry attempts. `per-key`
 * ordering: a sales order or receipt waiting in a retry tier holds back its key's later events,
 * since ERP writes are not all guarded by a version. Event ids are deduplicated in Postgres per
 * group; ERP writes carry the event id as correlation id in the integration log.
 */
@Injectable()
export class ErpSinkHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly database: Database;
  private readonly sinks: RunningSink[];

  constructor(
    @Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig,
    @Inject(ERP_ADAPTER) erp: ErpWriter,
    private readonly runtime: KafkaRuntime,
    private readonly health: ServiceHealth,
    storage: ErpStorage,
  ) {
    // Its own pool: the integration log is written outside the consumers' open transactions,
    // so sharing one pool could leave every connection held by a transaction waiting for it.
    this.database = openDatabase({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      applicationName: 'erp-adapter-sink',
      timeouts: config,
    });
    const deps = { erp, log: storage.writes };
    this.sinks = [
      this.build(salesOrderSink, config.salesOrderTopic, deps),
      this.build(goodsReceiptSink, config.goodsReceiptTopic, deps),
      this.build(inventoryLevelSink, config.inventoryTopic, deps),
    ];
  }

  private build<T extends EventEnvelope>(
    sink: ErpSink<T>,
    topic: string,
    deps: Omit<ErpWriteDeps, 'guard'>,
  ): RunningSink {
    const name = `erp-sink.${sink.name}`;
    // Throws at start if the ownership map does not let the ERP receive this entity.
    const guard = new SinkGuard(ERP_TARGET, sink.entity);
    const consumer = this.runtime.projection({
      groupId: `${this.config.sinkGroupPrefix}.${sink.name}`,
      topic,
      contract: sink.contract,
      database: this.database,
      apply: (tx, events) => applyErpWrites(sink, { ...deps, guard }, tx, events),
      maxBatchSize: this.config.sinkMaxBatchSize,
      partitionsConsumedConcurrently: 1,
      retry: { delaysMs: this.config.retryDelaysMs },
      downstream: ERP_TARGET,
      ordering: 'per-key',
    });
    this.health.expect(name);
    return {
      name,
      consumer,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Topics were created by ErpTopics at module start.
    for (const { name, consumer } of this.sinks) {
      await consumer.start();
      this.health.watch(name, () =>
        consumerHealth(consumer.progress(), Date.now(), {
          stallAfterMs: STALL_AFTER_MS,
          notMemberAfterMs: DEFAULT_NOT_MEMBER_AFTER_MS,
        }),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const { name, consumer } of this.sinks) {
      this.health.markNotReady(name, 'stopping');
      await consumer.stop();
    }
    await this.database.close();
  }
}
