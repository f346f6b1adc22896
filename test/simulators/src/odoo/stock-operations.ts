import { userError } from './odoo-errors';
import { formatOdooDatetime, type StoredRecord, type StoredValue } from './odoo-values';
import type { OdooOrm } from './orm';

// Validating transfers as Odoo 17+ does: done quantities are the moves' `quantity`, shortfalls
// go to a backorder (or are dropped), stock and the orders' received/delivered quantities follow.

const num = (value: StoredValue | undefined): number => (typeof value === 'number' ? value : 0);

type Context = Readonly<Record<string, unknown>>;

/** What `button_validate` answers when a shortfall needs the user's decision. */
function backorderWizard(pickings: readonly StoredRecord[]): Record<string, unknown> {
  return {
    name: 'Create Backorder?',
    type: 'ir.actions.act_window',
    res_model: 'stock.backorder.confirmation',
    views: [[false, 'form']],
    target: 'new',
    context: { button_validate_picking_ids: pickings.map((p) => p.id) },
  };
}

const openMoves = (orm: OdooOrm, picking: StoredRecord): StoredRecord[] =>
  orm
    .children('stock.move', 'picking_id', picking.id)
    .filter((move) => move.values['state'] !== 'done' && move.values['state'] !== 'cancel');

const shortOf = (move: StoredRecord): number =>
  Math.max(0, num(move.values['product_uom_qty']) - num(move.values['quantity']));

/**
 * `stock.picking.button_validate`. A shortfall without `skip_backorder` in the context answers
 * the backorder wizard and changes nothing; with it, the rest goes to a backorder unless the
 * picking is in `picking_ids_not_to_backorder`.
 */
export function validatePickings(
  orm: OdooOrm,
  pickings: readonly StoredRecord[],
  now: number,
  context: Context,
): unknown {
  const open = pickings.filter((p) => p.values['state'] !== 'done');
  for (const picking of open) {
    if (picking.values['state'] === 'cancel' || picking.values['state'] === 'draft')
      throw userError('You cannot validate a transfer if no quantities are reserved nor done.');
    if (openMoves(orm, picking).every((move) => num(move.values['quantity']) <= 0))
      throw userError(
        'You cannot validate a transfer if no quantities are reserved nor done. ' +
          'You can use the info button on the top right corner of your screen to learn more.',
      );
  }
  const short = open.filter((picking) => openMoves(orm, picking).some((m) => shortOf(m) > 0));
  if (short.length > 0 && context['skip_backorder'] !== true) return backorderWizard(short);
  const noBackorder = Array.isArray(context['picking_ids_not_to_backorder'])
    ? (context['picking_ids_not_to_backorder'] as unknown[])
    : [];
  for (const picking of open) {
    splitShortfall(orm, picking, !noBackorder.includes(picking.id), now);
    finishPicking(orm, picking, now);
  }
  return true;
}

/** Moves what was not done to a new backorder picking, or cancels it. */
function splitShortfall(
  orm: OdooOrm,
  picking: StoredRecord,
  backorder: boolean,
  now: number,
): void {
  const remainders = openMoves(orm, picking)
    .filter((move) => shortOf(move) > 0)
    .map((move) => ({ move, rest: shortOf(move) }));
  if (remainders.length === 0) return;
  for (const { move } of remainders) {
    orm.write('stock.move', [move.id], { product_uom_qty: num(move.values['quantity']) });
  }
  if (!backorder) return;
  const copied = ['name', 'product_id', 'picking_type_id', 'location_id', 'location_dest_id'];
  orm.create('stock.picking', {
    ...Object.fromEntries(
      [
        'picking_type_id',
        'partner_id',
        'origin',
        'location_id',
        'location_dest_id',
        'purchase_id',
        'sale_id',
        'scheduled_date',
      ].map((field) => [field, picking.values[field] ?? false]),
    ),
    backorder_id: picking.id,
    state: 'assigned',
    scheduled_date: picking.values['scheduled_date'] || formatOdooDatetime(now),
    move_ids: remainders.map(({ move, rest }) => [
      0,
      0,
      {
        ...Object.fromEntries(copied.map((field) => [field, move.values[field] ?? false])),
        purchase_line_id: move.values['purchase_line_id'] ?? false,
        sale_line_id: move.values['sale_line_id'] ?? false,
        product_uom_qty: rest,
        quantity: rest,
        state: 'assigned',
      },
    ]),
  });
}

function finishPicking(orm: OdooOrm, picking: StoredRecord, now: number): void {
  const internal = (id: StoredValue | undefined): boolean =>
    typeof id === 'number' && orm.get('stock.location', id)?.values['usage'] === 'internal';
  for (const move of openMoves(orm, picking)) {
    const quantity = num(move.values['quantity']);
    if (quantity <= 0) {
      orm.write('stock.move', [move.id], { state: 'cancel' });
      continue;
    }
    orm.write('stock.move', [move.id], { state: 'done' });
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

/** Adds `delta` to the quant of (product, location) without lot or package, creating it. */
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
    ['lot_id', '=', false],
    ['package_id', '=', false],
  ]);
  if (quantId === undefined) {
    orm.create('stock.quant', { product_id: product, location_id: location, quantity: delta });
    return;
  }
  const quant = orm.get('stock.quant', quantId) as StoredRecord;
  orm.write('stock.quant', [quantId], { quantity: num(quant.values['quantity']) + delta });
}
