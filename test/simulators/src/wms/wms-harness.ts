import type { DeliveryFaults, DeliveryRecord } from '../http/outbox';
import type { ExpectedReceiptWrite } from './expected-receipts';
import type {
  ExpectedReceipt,
  GoodsReceipt,
  InventorySnapshot,
  ShipmentStatus,
  ShipmentStatusUpdate,
} from './wms-payloads';

export interface StockChange {
  readonly sku: string;
  readonly location?: string;
  readonly onHand: number;
  readonly reserved?: number;
  readonly inTransit?: number;
  readonly unit?: string;
  readonly binCode?: string;
}

export interface ReceiveGoodsOptions {
  /** Lines received; by default the expected receipt's lines in full. */
  readonly lines?: readonly ReceivedLine[];
  readonly location?: string;
}

export interface ReceivedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unit?: string;
  readonly purchaseOrderLineId?: string;
}

export interface ShipmentChange {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly estimatedDeliveryAt?: string;
  /** When the status was reached; now by default (set it to send stale updates on purpose). */
  readonly statusAt?: string;
}

export interface BurstOptions {
  /** Number of stock changes (one request each). */
  readonly count: number;
  readonly skus?: readonly string[];
  readonly locations?: readonly string[];
  /** Requests in flight at once. Default 16. */
  readonly concurrency?: number;
}

/** What tests do to and read from the simulated WMS besides its HTTP API. */
export interface WmsHarness {
  /** Where the WMS sends its messages, and the Authorization header they carry (a bearer token). */
  setTarget(url: string, authorization?: string): void;
  /** Stock changed in the warehouse: a new snapshot (next version), sent unless `send` is false. */
  setStock(change: StockChange, options?: { readonly send?: boolean }): InventorySnapshot;
  /** Sends snapshots as they are (tests craft older versions, duplicates, …). */
  sendInventory(
    snapshots: readonly InventorySnapshot[],
    options?: { readonly batch?: boolean },
  ): void;
  /** Receives goods against an expected receipt: sends the goods receipt and new stock levels. */
  receiveGoods(
    purchaseOrderId: string,
    options?: ReceiveGoodsOptions,
  ): { receipt: GoodsReceipt; snapshots: InventorySnapshot[] };
  updateShipment(update: ShipmentChange): ShipmentStatusUpdate;
  /** Many stock changes at once, concurrently; resolves with the final snapshot per key (the oracle). */
  burstInventory(options: BurstOptions): Promise<InventorySnapshot[]>;
  stock(): InventorySnapshot[];
  expectedReceipts(): ExpectedReceipt[];
  expectedReceipt(purchaseOrderId: string): ExpectedReceipt | undefined;
  expectedReceiptWrites(): ExpectedReceiptWrite[];
  setDeliveryFaults(faults: DeliveryFaults): void;
  deliveryFaults(): DeliveryFaults;
  deliveries(): DeliveryRecord[];
  /** Resolves when every queued message was sent (or failed). */
  deliveriesIdle(): Promise<void>;
}
