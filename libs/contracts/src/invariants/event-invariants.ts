import { inventoryEntityId } from '../inventory/entity-id';

/**
 * What must hold of an event beyond its Avro shape, declared once per event type and checked on
 * both sides: a publisher refuses to produce an event that breaks one, a consumer dead-letters one
 * that arrives anyway (another client can write to a topic). Checks read the event as a record,
 * so one invariant serves every schema version (an older version lacks fields; absent is fine).
 */
type EventView = Readonly<Record<string, unknown>>;
type Invariant = (event: EventView) => readonly string[];

function entityIdIs(expected: (event: EventView) => unknown, what: string): Invariant {
  return (event) => {
    const wanted = expected(event);
    return typeof wanted === 'string' && event['entityId'] !== wanted
      ? [
          `entityId: ${JSON.stringify(event['entityId'])} is not the ${what} ${JSON.stringify(wanted)}`,
        ]
      : [];
  };
}

function atLeast(field: string, minimum: number): Invariant {
  return (event) => {
    const value = event[field];
    return typeof value === 'number' && value < minimum
      ? [`${field}: ${value} is below ${minimum}`]
      : [];
  };
}

function eachLine(...checks: Invariant[]): Invariant {
  return (event) => {
    const lines = event['lines'];
    if (!Array.isArray(lines)) return [];
    return lines.flatMap((line: unknown, index) =>
      typeof line === 'object' && line !== null
        ? checks.flatMap((check) =>
            check(line as EventView).map((problem) => `lines[${index}].${problem}`),
          )
        : [],
    );
  };
}

/** A decimal travels as a string ("12.50"); money and quantities of these events are never negative. */
function notNegativeDecimal(...fields: string[]): Invariant {
  return (event) =>
    fields.flatMap((field) => {
      const value = event[field];
      return typeof value === 'string' && value.startsWith('-')
        ? [`${field}: ${value} is negative`]
        : [];
    });
}

function nested(field: string, check: Invariant): Invariant {
  return (event) => {
    const value = event[field];
    return typeof value === 'object' && value !== null
      ? check(value as EventView).map((problem) => `${field}.${problem}`)
      : [];
  };
}

/** Every Ferry event: a non-empty entity id and a positive source version. */
const envelope: readonly Invariant[] = [
  (event) => (event['entityId'] === '' ? ['entityId: is empty'] : []),
  atLeast('sourceVersion', 1),
];

const byEventType: Readonly<Record<string, readonly Invariant[]>> = {
  InventoryLevelSet: [
    entityIdIs(
      (event) =>
        typeof event['sku'] === 'string' && typeof event['location'] === 'string'
          ? inventoryEntityId(event['sku'], event['location'])
          : undefined,
      'sku@location',
    ),
    atLeast('onHand', 0),
    atLeast('reserved', 0),
    atLeast('inTransit', 0),
  ],
  GoodsReceiptRecorded: [
    entityIdIs((event) => event['receiptId'], 'receiptId'),
    eachLine(atLeast('quantity', 1)),
  ],
  ShipmentStatusChanged: [entityIdIs((event) => event['shipmentId'], 'shipmentId')],
  PurchaseOrderState: [
    entityIdIs((event) => event['purchaseOrderId'], 'purchaseOrderId'),
    eachLine(atLeast('quantity', 0), notNegativeDecimal('unitPrice')),
  ],
  InvoicePosted: [entityIdIs((event) => event['invoiceId'], 'invoiceId')],
  SalesOrderPlaced: [
    entityIdIs((event) => event['externalOrderId'], 'externalOrderId'),
    eachLine(atLeast('quantity', 1), notNegativeDecimal('unitPrice', 'lineTotal')),
    nested('totals', notNegativeDecimal('subtotal', 'tax', 'shipping', 'total')),
  ],
};

/** The invariants `event` of `eventType` breaks, one line each naming the field; empty if none. */
export function invariantProblems(eventType: string, event: object): string[] {
  const view = event as EventView;
  return [...envelope, ...(byEventType[eventType] ?? [])].flatMap((check) => [...check(view)]);
}

/** Event types with invariants of their own (the catalog test checks every type has some). */
export const eventTypesWithInvariants: readonly string[] = Object.keys(byEventType);
