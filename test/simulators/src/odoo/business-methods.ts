import type { SimClock } from '../clock';
import { userError } from './odoo-errors';
import {
  formatOdooDate,
  formatOdooDatetime,
  type StoredRecord,
  type StoredValue,
} from './odoo-values';
import type { OdooOrm } from './orm';
import { applyInventory } from './quant-inventory';
import { validatePickings } from './stock-operations';

/** A model method beyond the generic ORM ones (button_confirm, …), run on `ids`. */
export type BusinessMethod = (
  orm: OdooOrm,
  ids: readonly number[],
  clock: SimClock,
  context: Readonly<Record<string, unknown>>,
) => unknown;

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

/** The operation type of the transfer an order creates: the PO's own, or the warehouse's. */
function transferType(orm: OdooOrm, purchase: boolean, order: StoredRecord): number | undefined {
  const own = order.values[purchase ? 'picking_type_id' : 'warehouse_id'];
  if (purchase) return typeof own === 'number' ? own : undefined;
  const outType =
    typeof own === 'number' ? orm.get('stock.warehouse', own)?.values['out_type_id'] : undefined;
  if (typeof outType === 'number') return outType;
  return orm.search('stock.picking.type', [['code', '=', 'outgoing']], { limit: 1 })[0];
}

/**
 * The receipt (purchase) or delivery (sale) that confirming an order creates. Moves are reserved
 * at once (Odoo 17+ `quantity` = demand): receipts from a vendor always are; deliveries are
 * simplified the same way, whatever the stock.
 */
function createTransfer(
  orm: OdooOrm,
  kind: 'incoming' | 'outgoing',
  order: StoredRecord,
  now: number,
): void {
  const purchase = kind === 'incoming';
  const typeId = transferType(orm, purchase, order);
  if (typeId === undefined) return;
  const type = orm.get('stock.picking.type', typeId);
  const lineModel = purchase ? 'purchase.order.line' : 'sale.order.line';
  const demandField = purchase ? 'product_qty' : 'product_uom_qty';
  const doneField = purchase ? 'qty_received' : 'qty_delivered';
  const internal = locationOf(orm, 'internal');
  const external = locationOf(orm, purchase ? 'supplier' : 'customer');
  const from = type?.values['default_location_src_id'] || (purchase ? external : internal);
  const to = type?.values['default_location_dest_id'] || (purchase ? internal : external);
  const moves = orm
    .children(lineModel, 'order_id', order.id)
    .filter((line) => line.values['product_id'] !== false && line.values['display_type'] === false)
    .map((line) => ({ line, demand: num(line.values[demandField]) - num(line.values[doneField]) }))
    .filter(({ demand }) => demand > 0)
    .map(({ line, demand }) => [
      0,
      0,
      {
        name: line.values['name'],
        product_id: line.values['product_id'],
        product_uom_qty: demand,
        quantity: demand,
        state: 'assigned',
        picking_type_id: typeId,
        location_id: from,
        location_dest_id: to,
        [purchase ? 'purchase_line_id' : 'sale_line_id']: line.id,
      },
    ]);
  if (moves.length === 0) return;
  orm.create('stock.picking', {
    picking_type_id: typeId,
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
      button_validate: (orm, ids, clock, context) =>
        validatePickings(orm, records(orm, 'stock.picking', ids), clock.now(), context),
    },
    'stock.quant': {
      action_apply_inventory: (orm, ids, clock) => {
        applyInventory(orm, records(orm, 'stock.quant', ids), clock.now());
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
