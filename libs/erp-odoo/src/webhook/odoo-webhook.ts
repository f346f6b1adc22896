import type { Entity } from '@ferry/contracts';
import { z } from 'zod';
import type { ChangeReading, ErpOwnedEntity } from '../adapter/erp-adapter';
import { parseOdooDatetime } from '../odoo/odoo-values';
import { webhookDeliveryId } from './delivery-id';
import { FerryWebhookHeaders, singleHeader, type WebhookHeaders } from './webhook-headers';

/** The Odoo models whose changes Ferry carries, and the entity each one is. */
export const OdooModels = {
  'purchase.order': 'purchaseOrder',
  'account.move': 'invoice',
} as const satisfies Record<string, ErpOwnedEntity>;

export type OdooModel = keyof typeof OdooModels;

/**
 * Odoo models that hold entities another system owns: a change there (an inventory adjustment
 * in Odoo, a sales order typed into Odoo) must not flow out of the ERP. Their webhooks are
 * refused as `not-owner` rather than `unknown-model`, so the refusal is counted as an ownership
 * violation instead of reading as a misconfigured rule.
 */
export const OdooForeignModels = {
  'stock.quant': 'inventoryLevel',
  'sale.order': 'salesOrder',
} as const satisfies Record<string, Exclude<Entity, ErpOwnedEntity>>;

function foreignEntityOf(model: string): Entity | undefined {
  return Object.hasOwn(OdooForeignModels, model)
    ? OdooForeignModels[model as keyof typeof OdooForeignModels]
    : undefined;
}

export function isOdooModel(model: string): model is OdooModel {
  return Object.hasOwn(OdooModels, model);
}

/**
 * The body an Odoo 16+ automation rule's "Send Webhook Notification" action posts:
 * `_model`, `_id`, `_action` ("<rule name>(#<id>)") and the fields chosen in the rule, read
 * with `load=None` and serialised with `str()` for dates (`write_date` reads
 * "2026-03-01 10:15:00", with ".ffffff" when Odoo kept microseconds).
 */
export const OdooWebhookPayloadSchema = z.looseObject({
  _model: z.string().min(1, 'must name the model'),
  _id: z.number().int('must be an integer').positive('must be a record id'),
  _action: z.string().optional(),
  write_date: z
    .union([z.string(), z.literal(false)])
    .optional()
    .refine(
      (value) => value === undefined || value === false || parseOdooDatetime(value) !== undefined,
      'must be an Odoo datetime',
    ),
});

export type OdooWebhookPayload = z.infer<typeof OdooWebhookPayloadSchema>;

/**
 * Reads a verified Odoo webhook body as one change notice. Unknown models are refused with a
 * typed rejection rather than ignored: they mean an automation rule points at the wrong place.
 */
export function readOdooWebhook(rawBody: Buffer, headers: WebhookHeaders): ChangeReading {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { kind: 'invalid', problems: ['(body): is not JSON'] };
  }
  const parsed = OdooWebhookPayloadSchema.safeParse(body);
  if (!parsed.success)
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`,
      ),
    };
  const payload = parsed.data;
  if (!isOdooModel(payload._model)) {
    const foreign = foreignEntityOf(payload._model);
    return foreign === undefined
      ? { kind: 'unknown-model', model: payload._model }
      : { kind: 'not-owner', model: payload._model, entity: foreign };
  }
  const writeDate = typeof payload.write_date === 'string' ? payload.write_date : undefined;
  const recordId = String(payload._id);
  const signedTimestamp = singleHeader(headers, FerryWebhookHeaders.timestamp) ?? undefined;
  return {
    kind: 'accepted',
    notices: [
      {
        entity: OdooModels[payload._model],
        model: payload._model,
        recordId,
        changedAt: writeDate === undefined ? undefined : parseOdooDatetime(writeDate),
        deliveryId: webhookDeliveryId(
          'odoo',
          { model: payload._model, recordId, ...(writeDate === undefined ? {} : { writeDate }) },
          signedTimestamp,
          rawBody,
        ),
      },
    ],
  };
}
