import type { PurchaseOrderState } from '@ferry/contracts';

/** What the WMS is told to expect for one purchase order (PUT /api/expected-receipts/:id). */
export interface ExpectedReceiptBody {
  /** The PO's source version: the WMS takes a PUT once per (purchase order, version). */
  readonly version: number;
  readonly purchaseOrderRef: string;
  readonly supplier: string;
  readonly expectedAt?: string;
  readonly destination: string;
  readonly status: 'open' | 'cancelled';
  readonly lines: readonly {
    readonly lineId: string;
    readonly sku: string;
    readonly quantity: number;
    readonly unit: string;
  }[];
}

/**
 * The expected receipt for a purchase order's state, or undefined when the WMS has nothing to
 * expect yet (a draft, or a state this reader does not know).
 */
export function toExpectedReceipt(order: PurchaseOrderState): ExpectedReceiptBody | undefined {
  if (order.state === 'DRAFT' || order.state === 'UNKNOWN') return undefined;
  return {
    version: order.sourceVersion,
    purchaseOrderRef: order.reference,
    supplier: order.supplierName,
    ...(order.expectedDate === null ? {} : { expectedAt: `${order.expectedDate}T00:00:00Z` }),
    destination: order.warehouse,
    status: order.state === 'CANCELLED' ? 'cancelled' : 'open',
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      quantity: line.quantity,
      unit: line.unit,
    })),
  };
}
