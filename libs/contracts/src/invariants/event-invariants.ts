import { inventoryEntityId } from '../inventory/entity-id';

/**
 * What must hold of an event beyond its Avro shape, declared once per event type and checked on
 * both sides: a publisher refuses to produce an event that breaks one, a consumer dead-letters one
 * that arrives anyway (another client can write to a topic). Checks read the event as a record,
 * so one invariant serves every schema version (an older version lacks fields; absent is fine).
 */
type EventView = Readonly<Record<string, unknown>>;
type Invariant = (event: EventView) => readonly string[];

/** What an invariant that holds returns: shared, since every event of every consumer asks. */
const NONE: readonly string[] = Object.freeze([]);

function entityIdIs(expected: (event: EventView) => unknown, what: string): Invariant {
  return (event) => {
    const wanted = expected(event);
    return typeof wanted === 'string' && event['entityId'] !== wanted
      ? [
          `entityId: ${JSON.stringify(event['entityId'])} is not the ${what} ${JSON.stringify(wanted)}`,
        ]
      : NONE;
  };
}

function atLeast(field: string, minimum: number): Invariant {
  return (event) => {
    const value = event[field];
    return typeof value === 'number' && value < minimum
      ? [`${field}: ${value} is below ${minimum}`]
      : NONE;
  };
}

function eachLine(...checks: Invariant[]): Invariant {
  return (event) => {
    const lines = event['lines'];
    if (!Array.isArray(lines)) return NONE;
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
        : NONE;
    });
}

function nested(field: string, check: Invariant): Invariant {
  return (event) => {
    const value = event[field];
    return typeof value === 'object' && value !== null
      ? check(value as EventView).map((problem) => `${field}.${problem}`)
      : NONE;
  };
}

/** Every Ferry event: a non-empty entity id and a positive source version. */
const envelope: readonly Invariant[] = [
  (event) => (event['entityId'] === '' ? ['entityId: is empty'] : NONE),
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
  const problems: string[] = [];
  for (const check of checksOf(eventType)) {
    const found = check(view);
    if (found.length > 0) problems.push(...found);
  }
  return problems;
}

const checksByEventType = new Map<string, readonly Invariant[]>();

/** The envelope's invariants and the type's own, put together once per type. */
function checksOf(eventType: string): readonly Invariant[] {
  let checks = checksByEventType.get(eventType);
  if (!checks) {
    checks = [...envelope, ...(byEventType[eventType] ?? [])];
    checksByEventType.set(eventType, checks);
  }
  return checks;
}

/** Event types with invariants of their own (the catalog test checks every type has some). */
export const eventTypesWithInvariants: readonly string[] = Object.keys(byEventType);
