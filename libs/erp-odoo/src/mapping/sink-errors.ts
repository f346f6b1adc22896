import { FerryError } from '@ferry/failures';

/**
 * An event names something Odoo does not have (yet): a SKU without a product, a location
 * without a stock location, a PO with no open receipt. Retriable: master data often arrives a
 * little after the first event that uses it, and the retry topics give it hours; after the last
 * retry the event lands in the DLQ with this message.
 */
export class OdooReferenceError extends FerryError {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '), 'transient');
  }
}
