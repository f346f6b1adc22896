import { FerryError } from '@ferry/failures';

/**
 * An Odoo record that cannot become the event it should (a fractional quantity, a product with
 * no SKU, a posted invoice with no date). Permanent: the record must be fixed in Odoo, and its
 * next write publishes it again.
 */
export class OdooMappingError extends FerryError {
  constructor(
    readonly model: string,
    readonly recordId: number,
    readonly problems: readonly string[],
  ) {
    super(`Cannot map ${model} ${recordId}: ${problems.join('; ')}`, 'permanent');
  }
}
