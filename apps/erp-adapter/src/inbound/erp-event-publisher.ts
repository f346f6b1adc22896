import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, InvoicePosted, PurchaseOrderState } from '@ferry/contracts';
import type { ErpAdapter, OdooChangeCursor, OdooRecord } from '@ferry/erp-odoo';
import { counter, jsonLogger } from '@ferry/observability';
import type { CatalogPublisher } from '@ferry/service-host';
import { ERP_ADAPTER } from '../odoo/odoo-connection';
import { INVOICE_PUBLISHER, PURCHASE_ORDER_PUBLISHER } from '../publications';
import { ErpStorage } from '../storage/erp-storage';
import { planPublication } from './publication-plan';
import { eventsOfRecords } from './record-events';

export const erpInboundMetrics = {
  published: counter(
    'ferry_erp_events_published_total',
    'Events the ERP adapter published, by entity and path (webhook, poll)',
    ['entity', 'path'],
  ),
  alreadyPublished: counter(
    'ferry_erp_events_already_published_total',
    'Changes read again (webhook after poll, duplicate delivery) whose event was already on Kafka',
    ['entity', 'path'],
  ),
  unmappable: counter(
    'ferry_erp_unmappable_records_total',
    'ERP records that could not be mapped to an event (bad data in the ERP); see the log',
    ['erp', 'path'],
  ),
};

export type InboundPath = 'webhook' | 'poll';

export interface PublishSummary {
  readonly events: readonly { readonly eventId: string; readonly entityId: string }[];
  readonly alreadyPublished: number;
  readonly ignored: number;
  readonly unmappable: readonly string[];
}

/**
 * Turns ERP records into events and puts the ones not yet published on Kafka, whichever path
 * read them. Resolves once Kafka acknowledged.
 */
@Injectable()
export class ErpEventPublisher {
  private readonly logger = jsonLogger('erp-adapter');

  constructor(
    @Inject(ERP_ADAPTER) private readonly adapter: ErpAdapter<OdooChangeCursor, OdooRecord>,
    @Inject(PURCHASE_ORDER_PUBLISHER)
    private readonly purchaseOrders: CatalogPublisher<PurchaseOrderState>,
    @Inject(INVOICE_PUBLISHER) private readonly invoices: CatalogPublisher<InvoicePosted>,
    private readonly storage: ErpStorage,
  ) {}

  async publishRecords(
    records: readonly OdooRecord[],
    path: InboundPath,
    traceparent?: string,
  ): Promise<PublishSummary> {
    const mapped = eventsOfRecords(
      records,
      (record) => this.adapter.toEvents(record),
      (record) => `${record.model}#${record.id}`,
    );
    for (const { recordId, error } of mapped.unmappable) {
      erpInboundMetrics.unmappable.inc({ erp: this.adapter.erp, path });
      this.logger.error('ERP record cannot be mapped; not published', { recordId, path, error });
    }
    const purchaseOrders = await this.publishNew(
      'purchaseOrder',
      this.purchaseOrders,
      mapped.purchaseOrders,
      path,
      traceparent,
    );
    const invoices = await this.publishNew(
      'invoice',
      this.invoices,
      mapped.invoices,
      path,
      traceparent,
    );
    return {
      events: [...purchaseOrders.published, ...invoices.published].map(({ eventId, entityId }) => ({
        eventId,
        entityId,
      })),
      alreadyPublished: purchaseOrders.skipped + invoices.skipped,
      ignored: mapped.ignored.length,
      unmappable: mapped.unmappable.map((u) => u.recordId),
    };
  }

  private async publishNew<T extends EventEnvelope>(
    entity: 'purchaseOrder' | 'invoice',
    publisher: CatalogPublisher<T>,
    events: readonly T[],
    path: InboundPath,
    traceparent: string | undefined,
  ): Promise<{ published: T[]; skipped: number }> {
    const plan = planPublication(events, await this.storage.published.newestStates(entity, events));
    const skipped = plan.alreadyPublished + plan.exhausted.length;
    if (plan.alreadyPublished > 0)
      erpInboundMetrics.alreadyPublished.inc({ entity, path }, plan.alreadyPublished);
    for (const event of plan.exhausted)
      this.logger.error('A thousand states of one record in one second; this one not published', {
        entity,
        entityId: event.entityId,
        sourceVersion: event.sourceVersion,
        path,
      });
    const fresh = plan.publish.map(({ event }) => event);
    if (fresh.length === 0) return { published: [], skipped };
    await publisher.publish(fresh, { traceparent });
    await this.storage.published.record(entity, plan.publish);
    erpInboundMetrics.published.inc({ entity, path }, fresh.length);
    return { published: fresh, skipped };
  }
}
