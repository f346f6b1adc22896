import fc from 'fast-check';
import type { Endpoint } from './fuzz-case';
import { isJsonArray, isJsonObject, type FuzzJson } from './json-text';

/**
 * Valid requests of each endpoint, the baselines every case mutates. Ids carry `{case}`, which
 * the plan replaces with the case's index, so two cases never name the same entity.
 */
export const CASE_MARKER = '{case}';

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString());

const code = (prefix: string) =>
  fc.stringMatching(/^[A-Z0-9]{3,8}$/).map((tail) => `${prefix}-${CASE_MARKER}-${tail}`);

const money = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);

/** Drops the optional keys fast-check left out (they come back as absent, not undefined). */
function compact(record: Readonly<Record<string, FuzzJson | undefined>>): FuzzJson {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, FuzzJson] => entry[1] !== undefined),
  );
}

const snapshot = fc
  .record(
    {
      sku: code('SKU'),
      location: fc.constantFrom('WH-AMS', 'WH-BER', 'WH/Stock', 'LYS-01'),
      onHand: fc.integer({ min: 0, max: 100_000 }),
      reserved: fc.integer({ min: 0, max: 100 }),
      unit: fc.constantFrom('unit', 'kg', 'box'),
      inTransit: fc.integer({ min: 0, max: 1000 }),
      binCode: fc.stringMatching(/^[A-Z][0-9]{2}-[0-9]{2}$/),
      version: fc.integer({ min: 1, max: 1_000_000 }),
      recordedAt: instant,
    },
    { requiredKeys: ['sku', 'location', 'onHand', 'version'] },
  )
  .map(compact);

const receipt = fc
  .record(
    {
      receiptId: code('GR'),
      purchaseOrderId: code('P'),
      warehouse: fc.constantFrom('WH', 'AMS'),
      lines: fc.array(
        fc
          .record(
            {
              sku: code('SKU'),
              quantity: fc.integer({ min: 1, max: 500 }),
              unit: fc.constantFrom('unit', 'kg'),
              location: fc.constantFrom('WH/Stock', 'WH/Input'),
              purchaseOrderLineId: fc.integer({ min: 1, max: 9999 }).map(String),
            },
            { requiredKeys: ['sku', 'quantity', 'location'] },
          )
          .map(compact),
        { minLength: 1, maxLength: 3 },
      ),
      receivedAt: instant,
      version: fc.integer({ min: 1, max: 1000 }),
    },
    { requiredKeys: ['receiptId', 'purchaseOrderId', 'warehouse', 'lines', 'receivedAt'] },
  )
  .map(compact);

const shipmentUpdate = fc
  .record(
    {
      shipmentId: code('SH'),
      orderId: code('SO'),
      status: fc.constantFrom('CREATED', 'PICKED', 'PACKED', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED'),
      carrier: fc.constantFrom('DHL', 'PostNL', 'UPS'),
      trackingNumber: fc.stringMatching(/^[A-Z]{2}[0-9]{9}$/),
      statusAt: instant,
      estimatedDeliveryAt: instant,
    },
    { requiredKeys: ['shipmentId', 'orderId', 'status', 'statusAt'] },
  )
  .map(compact);

const order = fc
  .record(
    {
      externalOrderId: code('FZ'),
      channel: fc.constantFrom('web', 'pos', 'marketplace'),
      customer: fc.record({
        customerId: code('C'),
        email: fc.stringMatching(/^[a-z]{1,10}$/).map((local) => `${local}@example.com`),
        name: fc.constantFrom('Ana', 'Bo Li', 'Zoë Ndiaye'),
      }),
      currency: fc.constantFrom('EUR', 'USD', 'GBP'),
      lines: fc.array(
        fc.record({
          sku: code('SKU'),
          quantity: fc.integer({ min: 1, max: 100 }),
          unitPrice: money,
        }),
        { minLength: 1, maxLength: 3 },
      ),
      shipping: money,
      tax: money,
      placedAt: instant,
    },
    { requiredKeys: ['externalOrderId', 'channel', 'customer', 'currency', 'lines'] },
  )
  .map(compact);

/** Odoo's `str()` of a datetime: "2026-03-01 10:15:00". */
const odooDatetime = instant.map((iso) => iso.slice(0, 19).replace('T', ' '));

/**
 * An automation rule's notification. Record ids 1 to 8 mostly name the purchase orders the fuzz
 * seeds in the simulated Odoo; the other models are refused (403, 422) or read nothing.
 */
const odooNotice = fc
  .record(
    {
      _model: fc.oneof(
        { arbitrary: fc.constant('purchase.order'), weight: 6 },
        {
          arbitrary: fc.constantFrom('account.move', 'stock.quant', 'sale.order', 'res.partner'),
          weight: 1,
        },
      ),
      _id: fc.integer({ min: 1, max: 8 }),
      _action: fc.integer({ min: 1, max: 20 }).map((rule) => `Notify Ferry(#${rule})`),
      write_date: odooDatetime,
    },
    { requiredKeys: ['_model', '_id'] },
  )
  .map(compact);

export const baselineArbitraries: Readonly<Record<Endpoint, fc.Arbitrary<FuzzJson>>> = {
  'inventory-single': snapshot,
  'inventory-batch': fc
    .array(snapshot, { minLength: 1, maxLength: 5 })
    .map((snapshots) => ({ snapshots })),
  'goods-receipts': fc.oneof(
    { arbitrary: receipt, weight: 3 },
    fc.array(receipt, { minLength: 1, maxLength: 3 }).map((receipts) => ({ receipts })),
  ),
  'shipment-status': fc.oneof(
    { arbitrary: shipmentUpdate, weight: 3 },
    fc.array(shipmentUpdate, { minLength: 1, maxLength: 3 }).map((updates) => ({ updates })),
  ),
  orders: order,
  'odoo-webhook': odooNotice,
};

/** The most items each array of a body may hold (the services' documented caps). */
export function arrayLimit(endpoint: Endpoint, field: string | number | undefined): number {
  return endpoint === 'orders' && field === 'lines' ? 500 : 1000;
}

/** The name the batch form of an endpoint wraps its items in. */
export const BatchField: Readonly<Record<Endpoint, string | undefined>> = {
  'inventory-single': 'snapshots',
  'inventory-batch': 'snapshots',
  'goods-receipts': 'receipts',
  'shipment-status': 'updates',
  orders: undefined,
  'odoo-webhook': undefined,
};

/** Largest body each service reads (FERRY_MAX_BODY_BYTES, FERRY_ODOO_WEBHOOK_MAX_BODY_BYTES). */
export const BodyLimitBytes: Readonly<Record<Endpoint, number>> = {
  'inventory-single': 1024 * 1024,
  'inventory-batch': 1024 * 1024,
  'goods-receipts': 1024 * 1024,
  'shipment-status': 1024 * 1024,
  orders: 256 * 1024,
  'odoo-webhook': 256 * 1024,
};

/** `value` with every `{case}` in its strings replaced by `index`. */
export function stampCase(value: FuzzJson, index: number): FuzzJson {
  if (typeof value === 'string') return value.split(CASE_MARKER).join(String(index));
  if (isJsonArray(value)) return value.map((item) => stampCase(item, index));
  if (isJsonObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, stampCase(item, index)]),
    );
  return value;
}
