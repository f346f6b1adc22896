import { deriveEventId, type InvoicePosted, type InvoiceState } from '@ferry/contracts';
import { decimalFromOdoo, DecimalConversionError, negateDecimal } from '../odoo/odoo-decimal';
import { odooDay } from '../odoo/odoo-values';
import { OdooMappingError } from './mapping-error';
import type { OdooInvoiceRecord } from './odoo-records';
import { SCHEMA_DECIMAL_SCALE } from './purchase-order';
import { ERP_SOURCE, sourceVersionOf } from './source-version';

/** Customer invoices and credit notes; vendor bills, receipts and entries are not Ferry's. */
export const CUSTOMER_INVOICE_TYPES = ['out_invoice', 'out_refund'] as const;

/** Invoice states Ferry publishes: posted ones and their cancellation. */
export const PUBLISHED_INVOICE_STATES = ['posted', 'cancel'] as const;

/**
 * Ferry's invoice state. A posted invoice is POSTED until paid: partial → PARTIALLY_PAID;
 * in_payment (payment registered, bank not yet reconciled) and paid → PAID; reversed (fully
 * credited) → CANCELLED. A payment state this mapping does not know is UNKNOWN.
 */
export function invoiceState(state: string, paymentState: string | undefined): InvoiceState {
  if (state === 'cancel') return 'CANCELLED';
  switch (paymentState) {
    case undefined:
    case 'not_paid':
    case 'blocked':
      return 'POSTED';
    case 'partial':
      return 'PARTIALLY_PAID';
    case 'in_payment':
    case 'paid':
    case 'invoicing_legacy':
      return 'PAID';
    case 'reversed':
      return 'CANCELLED';
    default:
      return 'UNKNOWN';
  }
}

/** Why an account.move is not published, or undefined when it is. */
export function invoiceIgnoredReason(record: OdooInvoiceRecord): string | undefined {
  if (!(CUSTOMER_INVOICE_TYPES as readonly string[]).includes(record.moveType))
    return `move type ${record.moveType} is not a customer invoice`;
  if (!(PUBLISHED_INVOICE_STATES as readonly string[]).includes(record.state))
    return `state ${record.state} is not published (an invoice reset to draft keeps its last published state until posted or cancelled again)`;
  return undefined;
}

/**
 * The InvoicePosted event of a posted or cancelled customer invoice or credit note. Amounts are
 * exact decimals at the currency's decimal places; a credit note's amounts are negative, so
 * receivers that sum them get the net.
 */
export function toInvoicePosted(record: OdooInvoiceRecord): InvoicePosted {
  const problems: string[] = [];
  const refund = record.moveType === 'out_refund';
  const amount = (field: string, value: number): string => {
    try {
      const text = decimalFromOdoo(value, record.currency.decimalPlaces, SCHEMA_DECIMAL_SCALE);
      return refund ? negateDecimal(text) : text;
    } catch (error: unknown) {
      if (!(error instanceof DecimalConversionError)) throw error;
      problems.push(`${field}: ${error.message}`);
      return '0';
    }
  };
  const amountUntaxed = amount('amount_untaxed', record.amountUntaxed);
  const amountTax = amount('amount_tax', record.amountTax);
  const amountTotal = amount('amount_total', record.amountTotal);
  const amountResidual = amount('amount_residual', record.amountResidual);
  const invoiceDate = record.invoiceDate === undefined ? undefined : odooDay(record.invoiceDate);
  if (invoiceDate === undefined) problems.push('invoice_date is missing');
  if (record.customerId === undefined) problems.push('partner_id is missing');
  if (record.name === '' || record.name === '/') problems.push('the invoice has no number');
  if (problems.length > 0 || invoiceDate === undefined || record.customerId === undefined)
    throw new OdooMappingError(record.model, record.id, problems);
  const entityId = String(record.id);
  const sourceVersion = sourceVersionOf(record.writeDate);
  return {
    eventId: deriveEventId(ERP_SOURCE, entityId, sourceVersion),
    entityId,
    sourceSystem: ERP_SOURCE,
    sourceVersion,
    occurredAt: sourceVersion,
    invoiceId: entityId,
    number: record.name,
    orderId: record.ref ?? null,
    customerId: String(record.customerId),
    currency: record.currency.code,
    amountUntaxed,
    amountTax,
    amountTotal,
    amountResidual,
    state: invoiceState(record.state, record.paymentState),
    invoiceDate,
    dueDate: record.invoiceDateDue === undefined ? null : (odooDay(record.invoiceDateDue) ?? null),
  };
}
