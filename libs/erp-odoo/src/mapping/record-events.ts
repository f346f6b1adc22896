import type { RecordMapping } from '../adapter/erp-adapter';
import { invoiceIgnoredReason, toInvoicePosted } from './invoice';
import type { OdooRecord } from './odoo-records';
import { toPurchaseOrderState } from './purchase-order';

/** The event an Odoo record means, or why it means none. */
export function mapOdooRecord(record: OdooRecord): RecordMapping {
  if (record.model === 'purchase.order')
    return {
      kind: 'event',
      event: { entity: 'purchaseOrder', value: toPurchaseOrderState(record) },
    };
  const ignored = invoiceIgnoredReason(record);
  if (ignored !== undefined)
    return { kind: 'ignored', recordId: String(record.id), reason: ignored };
  return { kind: 'event', event: { entity: 'invoice', value: toInvoicePosted(record) } };
}
