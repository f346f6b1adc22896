import type {
  Entity,
  GoodsReceiptRecorded,
  InventoryLevelSet,
  InvoicePosted,
  Ownership,
  PurchaseOrderState,
  SalesOrderPlaced,
} from '@ferry/contracts';
import type { WebhookHeaders } from '../webhook/webhook-headers';
import type { WebhookVerdict } from '../webhook/verify-signature';

/** The entities an ERP owns (and so publishes), read from the ownership map. */
export type ErpOwnedEntity = {
  [K in Entity]: (typeof Ownership)[K]['owner'] extends 'erp' ? K : never;
}[Entity];

/**
 * A hint that one ERP record changed. Never state: the adapter reads the record from the ERP
 * before anything is published, so a forged or replayed notice can at worst cause a read.
 */
export interface ChangeNotice {
  readonly entity: ErpOwnedEntity;
  /** The ERP's name of the record type (Odoo model, Business Central entity set, ...). */
  readonly model: string;
  readonly recordId: string;
  /** When the ERP last wrote the record, if the notice says (epoch ms). */
  readonly changedAt: number | undefined;
  /** Same delivery, same id: lets the app drop a replayed webhook before reading anything. */
  readonly deliveryId: string;
}

/**
 * Why a verified webhook body was refused, and the status to answer with:
 * `invalid` 400 (not the payload shape we expect), `unknown-model` 422 (a record type this
 * adapter does not carry: the ERP's webhook configuration is wrong), `not-owner` 403 (a record
 * type Ferry carries, but of an entity another system owns, e.g. an ERP inventory adjustment:
 * the app refuses it through the ownership guard, which counts it).
 */
export type ChangeRejection =
  | { readonly kind: 'invalid'; readonly problems: readonly string[] }
  | { readonly kind: 'unknown-model'; readonly model: string }
  | { readonly kind: 'not-owner'; readonly model: string; readonly entity: Entity };

export const ChangeRejectionStatus: Readonly<Record<ChangeRejection['kind'], number>> = {
  invalid: 400,
  'unknown-model': 422,
  'not-owner': 403,
};

export type ChangeReading =
  { readonly kind: 'accepted'; readonly notices: readonly ChangeNotice[] } | ChangeRejection;

/** One page of catch-up reading, oldest change first. */
export interface ChangePage<Cursor, ErpRecord> {
  readonly records: readonly ErpRecord[];
  /** Where the next page starts; the given cursor when nothing changed. Save it after publishing. */
  readonly next: Cursor | undefined;
  /** True when the page was full: read again at once rather than waiting for the interval. */
  readonly hasMore: boolean;
}

/** A Ferry event an ERP record means. */
export type ErpEvent =
  | { readonly entity: 'purchaseOrder'; readonly value: PurchaseOrderState }
  | { readonly entity: 'invoice'; readonly value: InvoicePosted };

/** What one record maps to: an event, or nothing Ferry carries (a vendor bill, a draft). */
export type RecordMapping =
  | { readonly kind: 'event'; readonly event: ErpEvent }
  | { readonly kind: 'ignored'; readonly recordId: string; readonly reason: string };

/** The result of a write into the ERP; `already-applied` when a retry found its earlier effect. */
export interface WriteOutcome {
  readonly kind: 'created' | 'updated' | 'already-applied';
  /** The ERP's id of the record written. */
  readonly erpId: string;
}

/** Where the app keeps catch-up cursors (one per stream, e.g. per entity), durably. */
export interface CursorStore<Cursor> {
  load(stream: string): Promise<Cursor | undefined>;
  save(stream: string, cursor: Cursor): Promise<void>;
}

/**
 * What an ERP gives Ferry. Inbound: webhooks are verified and read as change notices, the
 * records they name are fetched, and a catch-up poll covers what webhooks miss; records map to
 * events purely. Outbound: the three writes a sink makes, each idempotent by the id the event
 * carries. Errors thrown carry `retriable` (and `status`/`code` where they have one) so the
 * runtime's failure classifier routes them; see the README.
 */
export interface ErpAdapter<Cursor, ErpRecord> {
  /** The ERP's name in logs and metrics, e.g. `odoo`. */
  readonly erp: string;

  /** Pure: is this delivery authentic and fresh? */
  verifyWebhook(rawBody: Buffer, headers: WebhookHeaders, nowMs: number): WebhookVerdict;
  /** Pure: the change notices of a verified delivery, or why it is refused. */
  toChanges(rawBody: Buffer, headers: WebhookHeaders): ChangeReading;
  /** Reads the current state of the records the notices name (gone records are left out). */
  fetchChanged(notices: readonly ChangeNotice[]): Promise<ErpRecord[]>;
  /** Reads records of `entity` changed after `cursor` (from the start when undefined). */
  pollChanges(
    entity: ErpOwnedEntity,
    cursor: Cursor | undefined,
    limit: number,
    nowMs: number,
  ): Promise<ChangePage<Cursor, ErpRecord>>;
  /** Pure: the event a record means. Throws a non-retriable error for records it cannot map. */
  toEvents(record: ErpRecord): RecordMapping;

  recordGoodsReceipt(receipt: GoodsReceiptRecorded): Promise<WriteOutcome>;
  /** Idempotent by `externalOrderId`: a second call finds the first order. */
  upsertSalesOrder(order: SalesOrderPlaced): Promise<WriteOutcome>;
  /** Sets the absolute counted quantity of a SKU at a location, never an increment. */
  setInventoryLevel(level: InventoryLevelSet): Promise<WriteOutcome>;
}
