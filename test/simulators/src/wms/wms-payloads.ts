// The WMS's messages. The outbound ones match apps/wms-adapter's schemas (InventorySnapshotSchema,
// GoodsReceiptSchema, ShipmentUpdateSchema), which reject unknown fields.

/** PUT /api/expected-receipts/:purchaseOrderId — what Ferry tells the WMS to expect. */
export interface ExpectedReceiptInput {
  /** The PO's source version; a PUT is idempotent per (purchaseOrderId, version). */
  readonly version: number;
  readonly purchaseOrderRef?: string;
  readonly supplier?: string;
  /** ISO-8601 date-time. */
  readonly expectedAt?: string;
  readonly destination?: string;
  readonly status: 'open' | 'cancelled';
  readonly lines: readonly ExpectedReceiptLine[];
}

export interface ExpectedReceiptLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unit?: string;
}

/** What the WMS stored and answers with. */
export interface ExpectedReceipt extends ExpectedReceiptInput {
  readonly purchaseOrderId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** How a PUT was taken: also sent as the `X-Wms-Outcome` header. */
export type ExpectedReceiptOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'conflict';

/** POST <target>/v1/inventory-levels, alone or as `{ "snapshots": [...] }`. */
export interface InventorySnapshot {
  readonly sku: string;
  readonly location: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available?: number;
  readonly unit: string;
  readonly inTransit: number;
  readonly binCode?: string;
  /** Per (sku, location), increasing with every change. */
  readonly version: number;
  readonly recordedAt: string;
}

/** POST <target>/v1/goods-receipts — goods received against a purchase order. */
export interface GoodsReceipt {
  readonly receiptId: string;
  readonly purchaseOrderId: string;
  readonly warehouse: string;
  readonly lines: readonly GoodsReceiptLine[];
  readonly receivedAt: string;
  /** A correction of a receipt is a new version of it; a first receipt is version 1. */
  readonly version: number;
}

export interface GoodsReceiptLine {
  readonly sku: string;
  /** Received on this line by this receipt: a positive integer. */
  readonly quantity: number;
  readonly unit: string;
  readonly location: string;
  /** The expected receipt's `lineId` (the PO line) this line fulfils. */
  readonly purchaseOrderLineId?: string;
}

export const SHIPMENT_STATUSES = [
  'CREATED',
  'PICKED',
  'PACKED',
  'SHIPPED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'RETURNED',
  'CANCELLED',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/**
 * POST <target>/v1/shipment-status — where a shipment stands (state, not delta). It carries no
 * version: the adapter orders updates by status progression, then `statusAt`.
 */
export interface ShipmentStatusUpdate {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly statusAt: string;
  readonly estimatedDeliveryAt?: string;
}

/** Validates a PUT body; returns the problems found, each prefixed with its path. */
export function checkExpectedReceipt(body: unknown): {
  value?: ExpectedReceiptInput;
  problems: string[];
} {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { problems: ['(body): must be an object'] };
  const record = body as Record<string, unknown>;
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    problems.push('version: must be an integer of at least 1');
  const status = record['status'] ?? 'open';
  if (status !== 'open' && status !== 'cancelled')
    problems.push('status: must be open or cancelled');
  for (const key of ['purchaseOrderRef', 'supplier', 'expectedAt', 'destination'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string')
      problems.push(`${key}: must be a string`);
  }
  const lines = record['lines'];
  if (!Array.isArray(lines)) problems.push('lines: must be an array');
  else
    lines.forEach((line: unknown, index) => problems.push(...checkLine(line, `lines[${index}]`)));
  if (problems.length > 0) return { problems };
  return {
    value: {
      ...(record as unknown as ExpectedReceiptInput),
      status: status as ExpectedReceiptInput['status'],
    },
    problems,
  };
}

function checkLine(line: unknown, path: string): string[] {
  if (typeof line !== 'object' || line === null) return [`${path}: must be an object`];
  const record = line as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof record['lineId'] !== 'string' || record['lineId'] === '')
    problems.push(`${path}.lineId: is required`);
  if (typeof record['sku'] !== 'string' || record['sku'] === '')
    problems.push(`${path}.sku: is required`);
  const quantity = record['quantity'];
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0)
    problems.push(`${path}.quantity: must be a non-negative number`);
  return problems;
}

/** Same content, ignoring the WMS's own timestamps: a replay of the same version. */
export function sameReceipt(stored: ExpectedReceiptInput, input: ExpectedReceiptInput): boolean {
  const content = (receipt: ExpectedReceiptInput): string =>
    JSON.stringify({
      version: receipt.version,
      purchaseOrderRef: receipt.purchaseOrderRef,
      supplier: receipt.supplier,
      expectedAt: receipt.expectedAt,
      destination: receipt.destination,
      status: receipt.status,
      lines: receipt.lines.map(({ lineId, sku, quantity, unit }) => ({
        lineId,
        sku,
        quantity,
        unit,
      })),
    });
  return content(stored) === content(input);
}
