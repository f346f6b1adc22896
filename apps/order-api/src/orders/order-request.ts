import { createHash } from 'node:crypto';
import { deriveEventId, type SalesOrderPlaced } from '@ferry/contracts';
import { requestText } from '@ferry/service-host';
import { z } from 'zod';
import {
  fitsMoney,
  fromMinorUnits,
  isMoney,
  MAX_MINOR_UNITS,
  MONEY_INTEGER_DIGITS,
  toMinorUnits,
} from './money';

/** The order API speaks for the storefront, the owner of sales orders. */
export const STOREFRONT_SOURCE = 'storefront';

const code = requestText()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');
const money = requestText(
  'must be a decimal string such as "12.50" (numbers are refused: money is never a float)',
).refine(
  isMoney,
  `must be a non-negative decimal with at most ${MONEY_INTEGER_DIGITS} digits before the point ` +
    'and 2 after, such as "12.50"',
);
const MAX_MONEY = fromMinorUnits(MAX_MINOR_UNITS);

interface PricedLine {
  readonly quantity: number;
  readonly unitPrice: string;
}

/** What an order's event carries in minor units: each line's total and the order's totals. */
export interface OrderAmounts<L extends PricedLine> {
  readonly lines: readonly {
    readonly line: L;
    readonly unitPrice: bigint;
    readonly lineTotal: bigint;
  }[];
  readonly subtotal: bigint;
  readonly tax: bigint;
  readonly shipping: bigint;
  readonly total: bigint;
}

/** Pure: the amounts of an order whose prices are `isMoney`. */
export function orderAmounts<L extends PricedLine>(order: {
  readonly lines: readonly L[];
  readonly tax: string;
  readonly shipping: string;
}): OrderAmounts<L> {
  const lines = order.lines.map((line) => {
    const unitPrice = toMinorUnits(line.unitPrice);
    return { line, unitPrice, lineTotal: unitPrice * BigInt(line.quantity) };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0n);
  const tax = toMinorUnits(order.tax);
  const shipping = toMinorUnits(order.shipping);
  return { lines, subtotal, tax, shipping, total: subtotal + tax + shipping };
}

/**
 * The totals an order's event carries are computed, so they are checked here against the
 * contract's decimal like any field: a line total or order total too large is the client's 400
 * naming it, not a failure after the order was claimed.
 */
function refuseTotalsTooLarge(
  order: Parameters<typeof orderAmounts<PricedLine>>[0],
  context: z.core.$RefinementCtx,
): void {
  // Zod runs this even when a price was refused; such a price has its own problem already.
  const prices = [order.tax, order.shipping, ...order.lines.map((line) => line.unitPrice)];
  if (!prices.every(isMoney)) return;
  const amounts = orderAmounts(order);
  amounts.lines.forEach((line, index) => {
    if (!fitsMoney(line.lineTotal))
      context.addIssue({
        code: 'custom',
        path: ['lines', index],
        message: `unitPrice × quantity must be at most ${MAX_MONEY}`,
      });
  });
  if (!fitsMoney(amounts.total))
    context.addIssue({
      code: 'custom',
      path: [],
      message: `the order's total (lines, tax and shipping) must be at most ${MAX_MONEY}`,
    });
}

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
    currency: requestText().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'),
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
  .strict()
  .superRefine(refuseTotalsTooLarge);

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
  const amounts = orderAmounts(order);
  const lines = amounts.lines.map(({ line, unitPrice, lineTotal }) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: fromMinorUnits(unitPrice),
    lineTotal: fromMinorUnits(lineTotal),
  }));
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
      subtotal: fromMinorUnits(amounts.subtotal),
      tax: fromMinorUnits(amounts.tax),
      shipping: fromMinorUnits(amounts.shipping),
      total: fromMinorUnits(amounts.total),
    },
    placedAt,
  };
}
