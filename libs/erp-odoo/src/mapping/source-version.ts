import { OdooDataError } from '../client/errors';
import { parseOdooDatetime } from '../odoo/odoo-values';

/** Ferry's source system name for everything the ERP owns. */
export const ERP_SOURCE = 'erp';

/**
 * The source version of an Odoo record: epoch milliseconds of its `write_date`, which only moves
 * forward for one record. Odoo keeps write_date to the second, so two writes of one record in the
 * same second read with the same version; the ERP adapter publishes a later, different state of
 * that second under the second's next millisecond (see its publication plan). Records are not
 * affected by each other: versions are compared per entity, and the poll's (write_date, id)
 * cursor orders records that share a write_date without skipping any.
 */
export function sourceVersionOf(writeDate: string): number {
  const version = parseOdooDatetime(writeDate);
  if (version === undefined)
    throw new OdooDataError(`write_date ${JSON.stringify(writeDate)} is not an Odoo datetime`);
  return version;
}
