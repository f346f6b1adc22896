import { FerryError } from '@ferry/failures';
import {
  checkPublishable,
  InvoicePostedContract,
  PurchaseOrderStateContract,
  type InvoicePosted,
  type PurchaseOrderState,
} from '@ferry/contracts';
import type { RecordMapping } from '@ferry/erp-odoo';

/** What a set of ERP records means, sorted by where it goes. */
export interface RecordEvents {
  readonly purchaseOrders: PurchaseOrderState[];
  readonly invoices: InvoicePosted[];
  /** Records Ferry does not carry (a vendor bill, a draft invoice). */
  readonly ignored: { readonly recordId: string; readonly reason: string }[];
  /** Records the mapping refused as bad data (permanent): counted and logged, never published. */
  readonly unmappable: { readonly recordId: string; readonly error: Error }[];
}

function isPermanentDataError(error: unknown): error is FerryError {
  return error instanceof FerryError && error.kind === 'permanent';
}

/** The mapping, once its event is known to pass the contract and its invariants. */
function publishable(mapping: RecordMapping): RecordMapping {
  if (mapping.kind === 'ignored') return mapping;
  if (mapping.event.entity === 'purchaseOrder')
    checkPublishable(PurchaseOrderStateContract, mapping.event.value);
  else checkPublishable(InvoicePostedContract, mapping.event.value);
  return mapping;
}

/**
 * Pure: maps each record with `toEvents`; a mapped event that breaks its contract counts as
 * unmappable too (a publish of it would fail the whole batch). A record that cannot be mapped (a fractional quantity,
 * a product without internal reference) does not stop the others: one bad purchase order must not
 * hold back every later change behind the poll's cursor. Anything but a permanent data error
 * (a bug) is thrown.
 */
export function eventsOfRecords<R>(
  records: readonly R[],
  toEvents: (record: R) => RecordMapping,
  recordIdOf: (record: R) => string,
): RecordEvents {
  const result: RecordEvents = { purchaseOrders: [], invoices: [], ignored: [], unmappable: [] };
  for (const record of records) {
    let mapping: RecordMapping;
    try {
      mapping = publishable(toEvents(record));
    } catch (error: unknown) {
      if (!isPermanentDataError(error)) throw error;
      result.unmappable.push({ recordId: recordIdOf(record), error });
      continue;
    }
    if (mapping.kind === 'ignored') {
      result.ignored.push({ recordId: mapping.recordId, reason: mapping.reason });
    } else if (mapping.event.entity === 'purchaseOrder') {
      result.purchaseOrders.push(mapping.event.value);
    } else {
      result.invoices.push(mapping.event.value);
    }
  }
  return result;
}
