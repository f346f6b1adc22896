import type { GoodsReceiptRecorded } from '@ferry/contracts';
import { OdooReferenceError } from './sink-errors';

/** An open stock.move of a PO's incoming picking. */
export interface OdooReceiptMove {
  readonly id: number;
  readonly productId: number;
  readonly purchaseLineId: number | undefined;
}

/** What the sink writes on the picking, in one `write` (one Odoo transaction), before validating. */
export interface GoodsReceiptPlan {
  readonly pickingId: number;
  readonly pickingVals: Record<string, unknown>;
}

/**
 * Text put in the picking's `note` so a retried receipt finds the picking it already filled:
 * the receipt event's id, which is deterministic.
 */
export function receiptMarker(receipt: GoodsReceiptRecorded): string {
  return `ferry-receipt:${receipt.eventId}`;
}

/**
 * Matches received lines to the picking's open moves (by PO line when the WMS knows it, else by
 * product) and sums quantities per move. The quantities and the marker go in one write, so a
 * picking either has both or neither. Put-away locations stay in the WMS: Odoo receives into the
 * picking's destination. `quantityField` is `quantity` on Odoo 17+, `quantity_done` on 16.
 */
export function planGoodsReceipt(
  receipt: GoodsReceiptRecorded,
  pickingId: number,
  moves: readonly OdooReceiptMove[],
  productIdsBySku: ReadonlyMap<string, number>,
  quantityField = 'quantity',
): GoodsReceiptPlan {
  const quantities = new Map<number, number>();
  const problems: string[] = [];
  receipt.lines.forEach((line, index) => {
    const poLine = line.purchaseOrderLineId === null ? undefined : Number(line.purchaseOrderLineId);
    const productId = productIdsBySku.get(line.sku);
    const move =
      (poLine === undefined ? undefined : moves.find((m) => m.purchaseLineId === poLine)) ??
      moves.find((m) => productId !== undefined && m.productId === productId);
    if (!move) {
      problems.push(
        `receipt ${receipt.receiptId} line ${index} (${line.sku}): no open move on picking ${pickingId}`,
      );
      return;
    }
    quantities.set(move.id, (quantities.get(move.id) ?? 0) + line.quantity);
  });
  if (problems.length > 0) throw new OdooReferenceError(problems);
  return {
    pickingId,
    pickingVals: {
      note: receiptMarker(receipt),
      move_ids: [...quantities].map(([moveId, quantity]) => [
        1,
        moveId,
        { [quantityField]: quantity },
      ]),
    },
  };
}
