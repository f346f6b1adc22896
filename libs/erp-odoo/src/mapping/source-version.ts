import { OdooDataError } from '../client/errors';
import { parseOdooDatetime } from '../odoo/odoo-values';

/** Ferry's source system name for everything the ERP owns. */
export const ERP_SOURCE = 'erp';

/**
 * The source version of an Odoo record: epoch milliseconds of its `write_date`, which only moves
 * forward for one record. Odoo keeps write_date to the second, so two writes of one record in the
 * same second share a version, and with it an event id: receivers keep the first state they see
 * for that second. The catch-up poll reads only records older than its settle window, so by then
 * the second is over and it reads the last state of it; but when the webhook path already
 * published the earlier state of that second, the later one is dropped as a duplicate. Records
 * are not affected by each other: versions are compared per entity, and the poll's
 * (write_date, id) cursor orders records that share a write_date without skipping any. An
 * integer version field maintained by a small Odoo module would remove the residual case.
 */
export function sourceVersionOf(writeDate: string): number {
  const version = parseOdooDatetime(writeDate);
  if (version === undefined)
    throw new OdooDataError(`write_date ${JSON.stringify(writeDate)} is not an Odoo datetime`);
  return version;
}
