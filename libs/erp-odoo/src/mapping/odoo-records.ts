/**
 * Odoo records as the mappings take them: the rows of one document, with what they reference
 * (product codes, currency precision, warehouse) already read. The adapter assembles them; the
 * mappings stay pure.
 */

export interface OdooCurrency {
  /** ISO 4217 code (res.currency.name). */
  readonly code: string;
  /** res.currency.decimal_places: what amounts in this currency are rounded to. */
  readonly decimalPlaces: number;
}

export interface OdooPurchaseOrderLine {
  readonly id: number;
  /** product.product default_code; undefined when the product has none. */
  readonly sku: string | undefined;
  /** product_qty, in the line's unit of measure. */
  readonly quantity: number;
  readonly unit: string;
  readonly priceUnit: number;
  /** date_planned (Odoo datetime) or undefined. */
  readonly datePlanned: string | undefined;
}

export interface OdooPurchaseOrderRecord {
  readonly model: 'purchase.order';
  readonly id: number;
  /** The reference, e.g. P00042. */
  readonly name: string;
  readonly writeDate: string;
  /** draft | sent | to approve | purchase | done | cancel */
  readonly state: string;
  /** pending | partial | full, or undefined (no receipts yet, or a version without it). */
  readonly receiptStatus: string | undefined;
  readonly supplierId: number;
  readonly supplierName: string;
  readonly currency: OdooCurrency;
  /** Code of the warehouse of the PO's receipt operation type. */
  readonly warehouse: string;
  readonly datePlanned: string | undefined;
  /** Product lines only (sections and notes left out). */
  readonly lines: readonly OdooPurchaseOrderLine[];
}

export interface OdooInvoiceRecord {
  readonly model: 'account.move';
  readonly id: number;
  /** The legal number, e.g. INV/2026/00042 ("/" while draft). */
  readonly name: string;
  readonly writeDate: string;
  /** entry | out_invoice | out_refund | in_invoice | in_refund | out_receipt | in_receipt */
  readonly moveType: string;
  /** draft | posted | cancel */
  readonly state: string;
  /** not_paid | in_payment | paid | partial | reversed | invoicing_legacy | blocked ... */
  readonly paymentState: string | undefined;
  readonly customerId: number | undefined;
  /** `ref`: Odoo copies the sales order's client_order_ref into it, i.e. Ferry's order id. */
  readonly ref: string | undefined;
  readonly currency: OdooCurrency;
  readonly amountUntaxed: number;
  readonly amountTax: number;
  readonly amountTotal: number;
  readonly amountResidual: number;
  readonly invoiceDate: string | undefined;
  readonly invoiceDateDue: string | undefined;
}

export type OdooRecord = OdooPurchaseOrderRecord | OdooInvoiceRecord;
