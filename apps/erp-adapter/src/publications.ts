import { InvoicePostedContract, PurchaseOrderStateContract } from '@ferry/contracts';
import { ERP_SOURCE } from '@ferry/erp-odoo';
import { definePublications } from '@ferry/service-host';

/** Everything the ERP adapter publishes, as the ERP: purchase orders and invoices, nothing else. */
export const erpPublications = definePublications(ERP_SOURCE, [
  PurchaseOrderStateContract,
  InvoicePostedContract,
]);

export const PURCHASE_ORDER_PUBLISHER = Symbol('PurchaseOrderPublisher');
export const INVOICE_PUBLISHER = Symbol('InvoicePublisher');
