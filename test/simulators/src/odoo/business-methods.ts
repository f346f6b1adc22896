import type { SimClock } from '../clock';
import { userError } from './odoo-errors';
import {
  formatOdooDate,
  formatOdooDatetime,
  type StoredRecord,
  type StoredValue,
} from './odoo-values';
import type { OdooOrm } from './orm';

/** A model method beyond the generic ORM ones (button_confirm, …), run on `ids`. */
export type BusinessMethod = (orm: OdooOrm, ids: readonly number[], clock: SimClock) => unknown;

const num = (value: StoredValue | undefined): number => (typeof value === 'number' ? value : 0);

function records(orm: OdooOrm, model: string, ids: readonly number[]): StoredRecord[] {
  // read() raises MissingError for unknown ids, as Odoo's browse(ids).method() ends up doing.
  orm.read(model, ids, ['id']);
  return ids.map((id) => orm.get(model, id) as StoredRecord);
}

function locationOf(orm: OdooOrm, usage: string): number | false {
  return (
    orm.search('stock.location', [['usage', '=', usage]], { limit: 1, order: 'id' })[0] ?? false
  );
}

/** The receipt (purchase) or delivery (sale) that confirming an order creates. */
function createTransfer(
  orm: OdooOrm,
  kind: 'incoming' | 'outgoing',
  order: StoredRecord,
  now: number,
): void {
  const purchase = kind === 'incoming';
  const lineModel = purchase ? 'purchase.order.line' : 'sale.order.line';
  const demandField = purchase ? 'product_qty' : 'product_uom_qty';
  const doneField = purchase ? 'qty_received' : 'qty_delivered';
  const internal = locationOf(orm, 'internal');
  const external = locationOf(orm, purchase ? 'supplier' : 'customer');
  const from = purchase ? external : internal;
  const to = purchase ? internal : external;
  const moves = orm
    .children(lineModel, 'order_id', order.id)
    .filter((line) => line.values['product_id'] !== false)
    .map((line) => ({ line, demand: num(line.values[demandField]) - num(line.values[doneField]) }))
    .filter(({ demand }) => demand > 0)
    .map(({ line, demand }) => [
      0,
      0,
      {
        name: line.values['name'],
        product_id: line.values['product_id'],
        product_uom_qty: demand,
        state: 'assigned',
        location_id: from,
        location_dest_id: to,
        [purchase ? 'purchase_line_id' : 'sale_line_id']: line.id,
      },
    ]);
  if (moves.length === 0) return;
  orm.create('stock.picking', {
    picking_type_code: kind,
    partner_id: order.values['partner_id'],
    origin: order.values['name'],
    [purchase ? 'purchase_id' : 'sale_id']: order.id,
    location_id: from,
    location_dest_id: to,
    state: 'assigned',
    scheduled_date:
      order.values[purchase ? 'date_planned' : 'commitment_date'] || formatOdooDatetime(now),
    move_ids: moves,
  });
}

function cancelOpenTransfers(
  orm: OdooOrm,
  field: 'purchase_id' | 'sale_id',
  orderId: number,
): void {
  for (const picking of orm.children('stock.picking', field, orderId)) {
    if (picking.values['state'] === 'done' || picking.values['state'] === 'cancel') continue;
    const moves = orm.children('stock.move', 'picking_id', picking.id).map((move) => move.id);
    orm.write('stock.move', moves, { state: 'cancel' });
    orm.write('stock.picking', [picking.id], { state: 'cancel' });
  }
}

/** Adds `delta` to the quant of (product, location), creating it when there is none. */
function moveStock(
  orm: OdooOrm,
  product: StoredValue | undefined,
  location: StoredValue | undefined,
  delta: number,
): void {
  if (typeof product !== 'number' || typeof location !== 'number') return;
  const [quantId] = orm.search('stock.quant', [
    ['product_id', '=', product],
    ['location_id', '=', location],
  ]);
  if (quantId === undefined) {
    orm.create('stock.quant', { product_id: product, location_id: location, quantity: delta });
    return;
  }
  const quant = orm.get('stock.quant', quantId) as StoredRecord;
  orm.write('stock.quant', [quantId], { quantity: num(quant.values['quantity']) + delta });
}

function validatePicking(orm: OdooOrm, picking: StoredRecord, now: number): void {
  const state = picking.values['state'];
  if (state === 'done') return;
  if (state === 'cancel')
    throw userError(`You cannot validate a transfer if no quantities are reserved.`);
  const internal = (id: StoredValue | undefined): boolean =>
    typeof id === 'number' && orm.get('stock.location', id)?.values['usage'] === 'internal';
  for (const move of orm.children('stock.move', 'picking_id', picking.id)) {
    if (move.values['state'] === 'done' || move.values['state'] === 'cancel') continue;
    const quantity = num(move.values['quantity']) || num(move.values['product_uom_qty']);
    orm.write('stock.move', [move.id], { state: 'done', quantity });
    const { product_id: product, location_id: from, location_dest_id: to } = move.values;
    if (internal(from)) moveStock(orm, product, from, -quantity);
    if (internal(to)) moveStock(orm, product, to, quantity);
    for (const [lineField, lineModel, doneField] of [
      ['purchase_line_id', 'purchase.order.line', 'qty_received'],
      ['sale_line_id', 'sale.order.line', 'qty_delivered'],
    ] as const) {
      const lineId = move.values[lineField];
      const line = typeof lineId === 'number' ? orm.get(lineModel, lineId) : undefined;
      if (line)
        orm.write(lineModel, [line.id], { [doneField]: num(line.values[doneField]) + quantity });
    }
  }
  orm.write('stock.picking', [picking.id], { state: 'done', date_done: formatOdooDatetime(now) });
}

function confirmOrder(model: 'purchase.order' | 'sale.order'): BusinessMethod {
  return (orm, ids, clock) => {
    for (const order of records(orm, model, ids)) {
      if (order.values['state'] !== 'draft' && order.values['state'] !== 'sent') continue;
      const now = clock.now();
      orm.write(
        model,
        [order.id],
        model === 'purchase.order'
          ? { state: 'purchase', date_approve: formatOdooDatetime(now) }
          : { state: 'sale', date_order: formatOdooDatetime(now) },
      );
      createTransfer(orm, model === 'purchase.order' ? 'incoming' : 'outgoing', order, now);
    }
    return true;
  };
}

function cancelOrder(model: 'purchase.order' | 'sale.order'): BusinessMethod {
  return (orm, ids) => {
    const doneField = model === 'purchase.order' ? 'qty_received' : 'qty_delivered';
    const lineModel = model === 'purchase.order' ? 'purchase.order.line' : 'sale.order.line';
    for (const order of records(orm, model, ids)) {
      const done = orm
        .children(lineModel, 'order_id', order.id)
        .some((line) => num(line.values[doneField]) > 0);
      if (done && model === 'purchase.order') {
        throw userError(
          `Unable to cancel purchase order ${String(order.values['name'])} as some receptions have already been done.`,
        );
      }
      orm.write(model, [order.id], { state: 'cancel' });
      cancelOpenTransfers(orm, model === 'purchase.order' ? 'purchase_id' : 'sale_id', order.id);
    }
    return true;
  };
}

function postMoves(orm: OdooOrm, ids: readonly number[], clock: SimClock): boolean {
  for (const move of records(orm, 'account.move', ids)) {
    if (move.values['state'] !== 'draft')
      throw userError('Only draft journal entries can be posted.');
    const today = formatOdooDate(clock.now());
    const type = String(move.values['move_type']);
    const prefix = type.startsWith('out_') ? 'INV' : type.startsWith('in_') ? 'BILL' : 'MISC';
    const name =
      move.values['name'] === '/' || move.values['name'] === false
        ? orm.nextSequence(`${prefix}/${today.slice(0, 4)}/`, 5)
        : move.values['name'];
    const invoiceDate = move.values['invoice_date'] || today;
    orm.write('account.move', [move.id], {
      state: 'posted',
      name,
      invoice_date: invoiceDate,
      date: move.values['date'] || invoiceDate,
      amount_residual: move.values['amount_residual'] || move.values['amount_total'],
    });
  }
  return true;
}

/** Business methods by model, with the names Odoo gives them. */
export const BUSINESS_METHODS: Readonly<Record<string, Readonly<Record<string, BusinessMethod>>>> =
  {
    'purchase.order': {
      button_confirm: confirmOrder('purchase.order'),
      button_cancel: cancelOrder('purchase.order'),
      button_draft: (orm, ids) => {
        for (const order of records(orm, 'purchase.order', ids)) {
          if (order.values['state'] === 'cancel')
            orm.write('purchase.order', [order.id], { state: 'draft' });
        }
        return true;
      },
    },
    'sale.order': {
      action_confirm: confirmOrder('sale.order'),
      action_cancel: cancelOrder('sale.order'),
    },
    'stock.picking': {
      button_validate: (orm, ids, clock) => {
        for (const picking of records(orm, 'stock.picking', ids))
          validatePicking(orm, picking, clock.now());
        return true;
      },
    },
    'stock.quant': {
      // Odoo 15+: apply the counted quantity. Returns nothing when there is no conflict.
      action_apply_inventory: (orm, ids) => {
        for (const quant of records(orm, 'stock.quant', ids)) {
          orm.write('stock.quant', [quant.id], {
            quantity: num(quant.values['inventory_quantity']),
            inventory_quantity: 0,
            inventory_quantity_set: false,
          });
        }
        return null;
      },
    },
    'account.move': {
      action_post: postMoves,
      button_cancel: (orm, ids) => {
        for (const move of records(orm, 'account.move', ids)) {
          if (move.values['state'] === 'posted')
            throw userError('You cannot cancel a posted entry; reset it to draft first.');
          orm.write('account.move', [move.id], { state: 'cancel' });
        }
        return true;
      },
      button_draft: (orm, ids) => {
        for (const move of records(orm, 'account.move', ids))
          orm.write('account.move', [move.id], { state: 'draft' });
        return true;
      },
    },
  };
