import { deriveEventId, type GoodsReceiptRecorded } from '@ferry/contracts';
import { z } from 'zod';
import { WMS_SOURCE } from '../inventory/inventory-snapshot';

const code = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
const timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

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
            sku: code.regex(/^[^@\s]+$/, 'must not contain @ or whitespace'),
            quantity: z.number().int('must be an integer').min(1, 'must be at least 1'),
            unit: z.string().trim().min(1).max(20).default('unit'),
            location: code,
            purchaseOrderLineId: code.optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one line')
      .max(1000, 'must hold at most 1000 lines'),
    receivedAt: timestamp,
    /** A correction of a receipt is a new version of it; a first receipt is version 1. */
    version: z.number().int('must be an integer').min(1).max(Number.MAX_SAFE_INTEGER).default(1),
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
