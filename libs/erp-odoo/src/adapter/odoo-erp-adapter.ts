import type { GoodsReceiptRecorded, InventoryLevelSet, SalesOrderPlaced } from '@ferry/contracts';
import { correlatedClient, type OdooClient, type OdooDomain } from '../client/odoo-client';
import { CUSTOMER_INVOICE_TYPES, PUBLISHED_INVOICE_STATES } from '../mapping/invoice';
import type { OdooRecord } from '../mapping/odoo-records';
import { mapOdooRecord } from '../mapping/record-events';
import type { OdooChangeCursor } from '../poller/change-cursor';
import { DEFAULT_SETTLE_MS, readChangedRows } from '../poller/read-changes';
import { readOdooWebhook, type OdooModel } from '../webhook/odoo-webhook';
import { verifyWebhookSignature, type WebhookSignaturePolicy } from '../webhook/verify-signature';
import type { WebhookHeaders } from '../webhook/webhook-headers';
import type {
  ChangeNotice,
  ChangePage,
  ChangeReading,
  ErpAdapter,
  ErpOwnedEntity,
  RecordMapping,
  WriteOutcome,
} from './erp-adapter';
import { searchRead } from './odoo-calls';
import { z } from 'zod';
import {
  assembleInvoices,
  assemblePurchaseOrders,
  INVOICE_FIELDS,
  odooFieldNames,
  PURCHASE_ORDER_FIELDS,
  type OdooFieldNames,
} from './odoo-reads';
import { recordReceipt, setQuantLevel, upsertSaleOrder } from './odoo-writes';

export interface OdooAdapterOptions {
  /** Give it a PacedOdooClient so reads and writes share the rate limit and Retry-After. */
  readonly client: OdooClient;
  readonly webhook: WebhookSignaturePolicy;
  /** Odoo's major version; picks field names that moved (default 17). */
  readonly odooMajorVersion?: number;
  /** Catch-up reads leave the most recent changes for the next poll (default 60 s). */
  readonly settleMs?: number;
  /** Confirm sales orders after creating them (default true). */
  readonly confirmSalesOrders?: boolean;
}

/** Which Odoo model each entity lives in, and the filter that keeps it to what Ferry carries. */
const ENTITY_MODELS: Readonly<Record<ErpOwnedEntity, { model: OdooModel; filter: OdooDomain }>> = {
  purchaseOrder: { model: 'purchase.order', filter: [] },
  invoice: {
    model: 'account.move',
    filter: [
      ['move_type', 'in', CUSTOMER_INVOICE_TYPES],
      ['state', 'in', PUBLISHED_INVOICE_STATES],
    ],
  },
};

const AnyRow = z.looseObject({ id: z.number().int() });

/** Odoo behind the ERP adapter interface. */
export class OdooErpAdapter implements ErpAdapter<OdooChangeCursor, OdooRecord> {
  readonly erp = 'odoo';
  private readonly fields: OdooFieldNames;
  private readonly settleMs: number;
  private readonly confirmSalesOrders: boolean;

  constructor(private readonly options: OdooAdapterOptions) {
    this.fields = odooFieldNames(options.odooMajorVersion ?? 17);
    this.settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
    this.confirmSalesOrders = options.confirmSalesOrders ?? true;
  }

  verifyWebhook(rawBody: Buffer, headers: WebhookHeaders, nowMs: number) {
    return verifyWebhookSignature(rawBody, headers, nowMs, this.options.webhook);
  }

  toChanges(rawBody: Buffer, headers: WebhookHeaders): ChangeReading {
    return readOdooWebhook(rawBody, headers);
  }

  async fetchChanged(notices: readonly ChangeNotice[]): Promise<OdooRecord[]> {
    const records: OdooRecord[] = [];
    for (const entity of Object.keys(ENTITY_MODELS) as ErpOwnedEntity[]) {
      const ids = notices.filter((n) => n.entity === entity).map((n) => Number(n.recordId));
      if (ids.length === 0) continue;
      const { model } = ENTITY_MODELS[entity];
      const rows = await searchRead(this.options.client, model, AnyRow, {
        domain: [['id', 'in', [...new Set(ids)]]],
        fields: this.fieldsOf(entity),
        order: 'write_date asc, id asc',
      });
      records.push(...(await this.assemble(entity, rows)));
    }
    return records;
  }

  async pollChanges(
    entity: ErpOwnedEntity,
    cursor: OdooChangeCursor | undefined,
    limit: number,
    nowMs: number,
  ): Promise<ChangePage<OdooChangeCursor, OdooRecord>> {
    const { model, filter } = ENTITY_MODELS[entity];
    const page = await readChangedRows(this.options.client, {
      model,
      fields: this.fieldsOf(entity),
      filter,
      cursor,
      limit,
      settleMs: this.settleMs,
      nowMs,
    });
    return {
      records: await this.assemble(entity, page.rows),
      next: page.next,
      hasMore: page.hasMore,
    };
  }

  toEvents(record: OdooRecord): RecordMapping {
    return mapOdooRecord(record);
  }

  recordGoodsReceipt(receipt: GoodsReceiptRecorded): Promise<WriteOutcome> {
    return recordReceipt(
      correlatedClient(this.options.client, receipt.eventId),
      receipt,
      this.fields,
    );
  }

  upsertSalesOrder(order: SalesOrderPlaced): Promise<WriteOutcome> {
    return upsertSaleOrder(
      correlatedClient(this.options.client, order.eventId),
      order,
      this.confirmSalesOrders,
    );
  }

  setInventoryLevel(level: InventoryLevelSet): Promise<WriteOutcome> {
    return setQuantLevel(correlatedClient(this.options.client, level.eventId), level);
  }

  private fieldsOf(entity: ErpOwnedEntity): readonly string[] {
    return entity === 'purchaseOrder' ? PURCHASE_ORDER_FIELDS : INVOICE_FIELDS;
  }

  private assemble(entity: ErpOwnedEntity, rows: readonly unknown[]): Promise<OdooRecord[]> {
    return entity === 'purchaseOrder'
      ? assemblePurchaseOrders(this.options.client, rows, this.fields)
      : assembleInvoices(this.options.client, rows);
  }
}
