import { deriveEventId, type GoodsReceiptRecorded } from '@ferry/contracts';
import { z } from 'zod';
import { WMS_SOURCE } from '../inventory/inventory-snapshot';
import { code, keyCode, positiveCount, timestamp, unit } from '../request-fields';

/** A goods receipt as the WMS records it: what arrived against which purchase order. */
export const GoodsReceiptSchema = z
  .object({
    receiptId: code,
    purchaseOrderId: code,
    warehouse: code,
    lines: z
      .array(
        z
          .object({
            sku: keyCode,
            quantity: positiveCount,
            unit,
            location: code,
            purchaseOrderLineId: code.optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one line')
      .max(1000, 'must hold at most 1000 lines'),
    receivedAt: timestamp,
    /** A correction of a receipt is a new version of it; a first receipt is version 1. */
    version: positiveCount.default(1),
  })
  .strict();

export type GoodsReceipt = z.infer<typeof GoodsReceiptSchema>;

export function toGoodsReceiptRecorded(receipt: GoodsReceipt): GoodsReceiptRecorded {
  const receivedAt = Date.parse(receipt.receivedAt);
  return {
    eventId: deriveEventId(WMS_SOURCE, receipt.receiptId, receipt.version),
    entityId: receipt.receiptId,
    sourceSystem: WMS_SOURCE,
    sourceVersion: receipt.version,
    occurredAt: receivedAt,
    receiptId: receipt.receiptId,
    purchaseOrderId: receipt.purchaseOrderId,
    warehouse: receipt.warehouse,
    lines: receipt.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unit: line.unit,
      location: line.location,
      purchaseOrderLineId: line.purchaseOrderLineId ?? null,
    })),
    receivedAt,
  };
}
