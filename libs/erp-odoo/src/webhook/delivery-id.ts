import { createHash } from 'node:crypto';
import { uuidV5 } from '@ferry/contracts';

/** Namespace of webhook delivery ids (a fixed random UUID; never change it). */
export const WEBHOOK_DELIVERY_NAMESPACE = '6d3db2f8-c519-4319-a1cc-21572487939c';

/**
 * A deterministic id of one webhook delivery, for dropping replays:
 * - with the record's `write_date` in the payload: model, id and write_date, so the same change
 *   delivered twice (or by two automation rules) is one delivery;
 * - without it: the signed timestamp and the body, so a replayed request is recognised while a
 *   later change of the same record (same body, new timestamp) is not mistaken for it.
 * Add `write_date` to the webhook's fields in Odoo to get the first, stronger form.
 */
export function webhookDeliveryId(
  erp: string,
  payload: { readonly model: string; readonly recordId: string; readonly writeDate?: string },
  signedTimestamp: string | undefined,
  rawBody: Buffer,
): string {
  if (payload.writeDate !== undefined)
    return uuidV5(
      [erp, payload.model, payload.recordId, payload.writeDate].join('\u001f'),
      WEBHOOK_DELIVERY_NAMESPACE,
    );
  const bodyHash = createHash('sha256').update(rawBody).digest('hex');
  return uuidV5(
    [erp, 'body', signedTimestamp ?? '', bodyHash].join('\u001f'),
    WEBHOOK_DELIVERY_NAMESPACE,
  );
}
