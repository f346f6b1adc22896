import { AVRO_LONG_MAX } from '@ferry/contracts';
import { requestText } from '@ferry/service-host';
import { z } from 'zod';

/**
 * The fields the WMS's requests share, with the limits of the events they become: text an event
 * can carry (requestText), integers an Avro `long` holds, so that a value the contract would
 * refuse is refused here with its field's name.
 */
export const code = requestText()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** Part of an entity id (`sku@location`): no separator, no whitespace. */
export const keyCode = code.regex(/^[^@\s]+$/, 'must not contain @ or whitespace');

export const unit = requestText().trim().min(1).max(20).default('unit');

const long = z
  .number()
  .int('must be an integer')
  .min(-AVRO_LONG_MAX, `must be at least -${AVRO_LONG_MAX}`)
  .max(AVRO_LONG_MAX, `must be at most ${AVRO_LONG_MAX}`);

export const signedCount = long;
export const count = long.min(0, 'must not be negative');
export const positiveCount = long.min(1, 'must be at least 1');

export const timestamp = z.iso.datetime({
  offset: true,
  message: 'must be an ISO-8601 date-time',
});
