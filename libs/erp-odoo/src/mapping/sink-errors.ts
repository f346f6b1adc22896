/**
 * An event names something Odoo does not have (yet): a SKU without a product, a location
 * without a stock location, a PO with no open receipt. Retriable: master data often arrives a
 * little after the first event that uses it, and the retry topics give it hours; after the last
 * retry the event lands in the DLQ with this message.
 */
export class OdooReferenceError extends Error {
  override readonly name = 'OdooReferenceError';
  readonly retriable = true;
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}
