import { createHash } from 'node:crypto';
import { deriveEventId, type SalesOrderPlaced } from '@ferry/contracts';
import { z } from 'zod';
import { fromMinorUnits, isMoney, toMinorUnits } from './money';

/** The order API speaks for the storefront, the owner of sales orders. */
export const STOREFRONT_SOURCE = 'storefront';

const code = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
const money = z
  .string('must be a decimal string such as "12.50" (numbers are refused: money is never a float)')
  .refine(isMoney, 'must be a non-negative decimal with at most 2 decimals, such as "12.50"');

export const OrderRequestSchema = z
  .object({
    externalOrderId: code.regex(/^\S+$/, 'must not contain whitespace'),
    channel: code,
    customer: z
      .object({
        customerId: code,
        email: z.email('must be an email address'),
        name: code,
      })
      .strict(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'),
    lines: z
      .array(
        z
          .object({
            sku: code.regex(/^[^@\s]+$/, 'must not contain @ or whitespace'),
            quantity: z.number().int('must be an integer').min(1, 'must be at least 1').max(1e6),
            unitPrice: money,
          })
          .strict(),
      )
      .min(1, 'must hold at least one line')
      .max(500, 'must hold at most 500 lines'),
    shipping: money.default('0.00'),
    tax: money.default('0.00'),
    placedAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).optional(),
  })
  .strict();

export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/**
 * A fingerprint of what was asked, independent of key order and whitespace: the same order sent
 * twice hashes the same, a changed quantity does not.
 */
export function requestHash(order: OrderRequest): string {
  return createHash('sha256').update(canonicalJson(order)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The event of a placed order. An order is placed once: its version is 1, so its event id (and
 * the correlation id of every write it causes downstream) depends on the external order id only.
 */
export function toSalesOrderPlaced(order: OrderRequest, now: Date): SalesOrderPlaced {
  const lines = order.lines.map((line) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: fromMinorUnits(toMinorUnits(line.unitPrice)),
    lineTotal: fromMinorUnits(toMinorUnits(line.unitPrice) * BigInt(line.quantity)),
  }));
  const subtotal = lines.reduce((sum, line) => sum + toMinorUnits(line.lineTotal), 0n);
  const tax = toMinorUnits(order.tax);
  const shipping = toMinorUnits(order.shipping);
  const placedAt = order.placedAt ? Date.parse(order.placedAt) : now.getTime();
  return {
    eventId: deriveEventId(STOREFRONT_SOURCE, order.externalOrderId, 1),
    entityId: order.externalOrderId,
    sourceSystem: STOREFRONT_SOURCE,
    sourceVersion: 1,
    occurredAt: placedAt,
    externalOrderId: order.externalOrderId,
    channel: order.channel,
    customer: order.customer,
    lines,
    currency: order.currency,
    totals: {
      subtotal: fromMinorUnits(subtotal),
      tax: fromMinorUnits(tax),
      shipping: fromMinorUnits(shipping),
      total: fromMinorUnits(subtotal + tax + shipping),
    },
    placedAt,
  };
}
