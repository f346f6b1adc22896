import type { EventEnvelope } from '@ferry/contracts';
import { SinkGuard } from '@ferry/kafka-runtime';
import { hostConsumer, type HostedConsumer } from '@ferry/service-host';
import type { ErpAdapterConfig } from '../config';
import { applyErpWrites } from './apply-erp-writes';
import {
  goodsReceiptSink,
  inventoryLevelSink,
  salesOrderSink,
  type ErpSink,
  type ErpWriter,
} from './erp-sinks';
import type { WriteLogPort } from './logged-write';

/** The ERP as a target system, in the ownership map's words. */
const ERP_TARGET = 'erp';

/**
 * What the ERP receives (sales orders, goods receipts, inventory levels) as consumers of the one
 * host, a group per entity. `downstream: 'erp'`: an Odoo outage opens the circuit breaker and
 * holds the partitions instead of spending retry attempts. `per-key` ordering: a sales order or
 * receipt waiting in a retry tier holds back its key's later events, since ERP writes are not all
 * guarded by a version. ERP writes carry the event id as correlation id in the integration log.
 */
export function erpSinkConsumers(
  config: ErpAdapterConfig,
  erp: ErpWriter,
  log: WriteLogPort,
): HostedConsumer[] {
  const host = <T extends EventEnvelope>(sink: ErpSink<T>, topic: string): HostedConsumer => {
    // Throws at start if the ownership map does not let the ERP receive this entity.
    const guard = new SinkGuard(ERP_TARGET, sink.topic.entity);
    return hostConsumer(
      {
        name: `erp-sink.${sink.name}`,
        topic: sink.topic,
        contract: sink.contract,
        apply: (tx, events) => applyErpWrites(sink, { erp, log, guard }, tx, events),
        downstream: ERP_TARGET,
        ordering: 'per-key',
      },
      { topic, groupId: `${config.sinkGroupPrefix}.${sink.name}` },
    );
  };
  return [
    host(salesOrderSink, config.salesOrderTopic),
    host(goodsReceiptSink, config.goodsReceiptTopic),
    host(inventoryLevelSink, config.inventoryTopic),
  ];
}
