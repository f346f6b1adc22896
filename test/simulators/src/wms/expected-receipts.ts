import {
  checkExpectedReceipt,
  sameReceipt,
  type ExpectedReceipt,
  type ExpectedReceiptOutcome,
} from './wms-payloads';

export interface ExpectedReceiptWrite {
  readonly at: number;
  readonly purchaseOrderId: string;
  readonly version: number | undefined;
  readonly outcome: ExpectedReceiptOutcome | 'invalid';
}

export type PutResult =
  | { readonly outcome: 'invalid'; readonly problems: readonly string[] }
  | { readonly outcome: ExpectedReceiptOutcome; readonly stored: ExpectedReceipt };

/**
 * The WMS's expected receipts, idempotent per (purchase order, version): the same version again
 * changes nothing, a newer one replaces, an older one is ignored, and the same version with other
 * content is a conflict.
 */
export class ExpectedReceiptStore {
  private readonly receipts = new Map<string, ExpectedReceipt>();
  private readonly writes: ExpectedReceiptWrite[] = [];

  put(purchaseOrderId: string, body: unknown, now: Date): PutResult {
    const { value, problems } = checkExpectedReceipt(body);
    const version = value?.version;
    const result = this.apply(purchaseOrderId, value, problems, now);
    this.writes.push({ at: now.getTime(), purchaseOrderId, version, outcome: result.outcome });
    return result;
  }

  get(purchaseOrderId: string): ExpectedReceipt | undefined {
    return this.receipts.get(purchaseOrderId);
  }

  list(): ExpectedReceipt[] {
    return [...this.receipts.values()];
  }

  /** Every PUT in arrival order, with how it was taken. */
  history(): ExpectedReceiptWrite[] {
    return [...this.writes];
  }

  private apply(
    purchaseOrderId: string,
    value: ReturnType<typeof checkExpectedReceipt>['value'],
    problems: readonly string[],
    now: Date,
  ): PutResult {
    if (value === undefined) return { outcome: 'invalid', problems };
    const stored = this.receipts.get(purchaseOrderId);
    const at = now.toISOString();
    if (stored === undefined) {
      const created = { ...value, purchaseOrderId, createdAt: at, updatedAt: at };
      this.receipts.set(purchaseOrderId, created);
      return { outcome: 'created', stored: created };
    }
    if (value.version < stored.version) return { outcome: 'stale', stored };
    if (value.version === stored.version) {
      return { outcome: sameReceipt(stored, value) ? 'unchanged' : 'conflict', stored };
    }
    const updated = { ...value, purchaseOrderId, createdAt: stored.createdAt, updatedAt: at };
    this.receipts.set(purchaseOrderId, updated);
    return { outcome: 'updated', stored: updated };
  }
}
