/**
 * An Odoo record that cannot become the event it should (a fractional quantity, a product with
 * no SKU, a posted invoice with no date). Permanent: the record must be fixed in Odoo, and its
 * next write publishes it again.
 */
export class OdooMappingError extends Error {
  override readonly name = 'OdooMappingError';
  readonly retriable = false;
  constructor(
    readonly model: string,
    readonly recordId: number,
    readonly problems: readonly string[],
  ) {
    super(`Cannot map ${model} ${recordId}: ${problems.join('; ')}`);
  }
}
