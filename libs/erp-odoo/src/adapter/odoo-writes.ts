import type { GoodsReceiptRecorded, InventoryLevelSet, SalesOrderPlaced } from '@ferry/contracts';
import { z } from 'zod';
import type { WriteOutcome } from './erp-adapter';
import { OdooDataError } from '../client/errors';
import type { OdooClient } from '../client/odoo-client';
import { planGoodsReceipt, receiptMarker } from '../mapping/goods-receipt-plan';
import { inventoryQuantVals } from '../mapping/inventory-quant';
import {
  customerPartnerVals,
  SALE_ORDER_EXTERNAL_ID_FIELD,
  saleOrderVals,
} from '../mapping/sales-order-vals';
import { OdooReferenceError } from '../mapping/sink-errors';
import { many2one, many2oneId, optionalText } from '../odoo/odoo-values';
import { createOne, expectShape, searchRead } from './odoo-calls';
import type { OdooFieldNames } from './odoo-reads';

const IdRow = z.looseObject({ id: z.number().int() });
const StateRow = z.looseObject({ id: z.number().int(), state: z.string() });
const ProductRow = z.looseObject({ id: z.number().int(), default_code: optionalText });
const QuantRow = z.looseObject({ id: z.number().int(), quantity: z.number() });
const MoveRow = z.looseObject({
  id: z.number().int(),
  product_id: many2one,
  purchase_line_id: many2one,
});

/** Context that lets stock.quant take `inventory_quantity` (Odoo's inventory mode). */
const INVENTORY_MODE = { inventory_mode: true } as const;

export async function productIdsBySku(
  client: OdooClient,
  skus: readonly string[],
): Promise<Map<string, number>> {
  const rows = await searchRead(client, 'product.product', ProductRow, {
    domain: [['default_code', 'in', [...new Set(skus)]]],
    fields: ['default_code'],
  });
  return new Map(
    rows.flatMap((row) =>
      row.default_code === false ? [] : [[row.default_code, row.id] as const],
    ),
  );
}

/**
 * Creates the order unless one with its external id exists. Two sinks never race on one order:
 * the topic is keyed by order id, so one consumer handles all of an order's events in turn.
 * A found draft is confirmed, which completes a create whose confirmation was cut off.
 */
export async function upsertSaleOrder(
  client: OdooClient,
  order: SalesOrderPlaced,
  confirm: boolean,
): Promise<WriteOutcome> {
  const [existing] = await searchRead(client, 'sale.order', StateRow, {
    domain: [[SALE_ORDER_EXTERNAL_ID_FIELD, '=', order.externalOrderId]],
    fields: ['state'],
    limit: 1,
  });
  if (existing) {
    if (!confirm || existing.state !== 'draft')
      return { kind: 'already-applied', erpId: String(existing.id) };
    await client.call({ model: 'sale.order', method: 'action_confirm', ids: [existing.id] });
    return { kind: 'updated', erpId: String(existing.id) };
  }
  const [partner] = await searchRead(client, 'res.partner', IdRow, {
    domain: [['ref', '=', order.customer.customerId]],
    fields: ['id'],
    limit: 1,
  });
  const partnerId =
    partner?.id ?? (await createOne(client, 'res.partner', customerPartnerVals(order)));
  const products = await productIdsBySku(
    client,
    order.lines.map((line) => line.sku),
  );
  const vals = saleOrderVals(order, { partnerId, productIdsBySku: products });
  const id = await createOne(client, 'sale.order', vals);
  if (confirm) await client.call({ model: 'sale.order', method: 'action_confirm', ids: [id] });
  return { kind: 'created', erpId: String(id) };
}

/** Sets the counted quantity of the SKU at the location (no lots or packages). */
export async function setQuantLevel(
  client: OdooClient,
  level: InventoryLevelSet,
): Promise<WriteOutcome> {
  const products = await productIdsBySku(client, [level.sku]);
  const [location] = await searchRead(client, 'stock.location', IdRow, {
    domain: ['|', ['barcode', '=', level.location], ['complete_name', '=', level.location]],
    fields: ['id'],
    limit: 1,
  });
  const productId = products.get(level.sku);
  const problems = [
    ...(productId === undefined ? [`no Odoo product with internal reference ${level.sku}`] : []),
    ...(location ? [] : [`no Odoo stock location with barcode or full name ${level.location}`]),
  ];
  if (productId === undefined || !location) throw new OdooReferenceError(problems);
  const [quant] = await searchRead(client, 'stock.quant', QuantRow, {
    domain: [
      ['product_id', '=', productId],
      ['location_id', '=', location.id],
      ['lot_id', '=', false],
      ['package_id', '=', false],
    ],
    fields: ['quantity'],
    limit: 1,
  });
  if (quant?.quantity === level.onHand) return { kind: 'already-applied', erpId: String(quant.id) };
  const vals = inventoryQuantVals(level, productId, location.id);
  let quantId: number;
  if (quant) {
    quantId = quant.id;
    await client.call({
      model: 'stock.quant',
      method: 'write',
      ids: [quantId],
      params: { vals: { inventory_quantity: vals['inventory_quantity'] } },
      context: INVENTORY_MODE,
    });
  } else {
    quantId = await createOne(client, 'stock.quant', vals, INVENTORY_MODE);
  }
  await client.call({
    model: 'stock.quant',
    method: 'action_apply_inventory',
    ids: [quantId],
    context: INVENTORY_MODE,
  });
  return { kind: quant ? 'updated' : 'created', erpId: String(quantId) };
}

async function validatePicking(client: OdooClient, pickingId: number): Promise<void> {
  const answer = await client.call({
    model: 'stock.picking',
    method: 'button_validate',
    ids: [pickingId],
    context: { skip_backorder: true },
  });
  if (answer !== true)
    throw new OdooDataError(
      `validating picking ${pickingId} asked for a wizard instead of completing`,
    );
}

/**
 * Fills the PO's open receipt with the received quantities and validates it (the rest stays
 * open as a backorder). A retry finds the picking by the receipt's marker: validated means done;
 * filled but not validated means the validation was cut off, and it is done now.
 */
export async function recordReceipt(
  client: OdooClient,
  receipt: GoodsReceiptRecorded,
  fields: OdooFieldNames,
): Promise<WriteOutcome> {
  const purchaseId = Number(receipt.purchaseOrderId);
  if (!Number.isSafeInteger(purchaseId) || purchaseId <= 0)
    throw new OdooDataError(`purchase order id ${receipt.purchaseOrderId} is not an Odoo id`);
  const [marked] = await searchRead(client, 'stock.picking', StateRow, {
    domain: [
      ['purchase_id', '=', purchaseId],
      ['note', 'ilike', receiptMarker(receipt)],
    ],
    fields: ['state'],
    limit: 1,
  });
  if (marked) {
    if (marked.state === 'done') return { kind: 'already-applied', erpId: String(marked.id) };
    await validatePicking(client, marked.id);
    return { kind: 'updated', erpId: String(marked.id) };
  }
  const [picking] = await searchRead(client, 'stock.picking', IdRow, {
    domain: [
      ['purchase_id', '=', purchaseId],
      ['picking_type_code', '=', 'incoming'],
      ['state', 'not in', ['draft', 'done', 'cancel']],
    ],
    fields: ['id'],
    order: 'id asc',
    limit: 1,
  });
  if (!picking)
    throw new OdooReferenceError([`purchase order ${purchaseId} has no open receipt in Odoo`]);
  const moves = await searchRead(client, 'stock.move', MoveRow, {
    domain: [
      ['picking_id', '=', picking.id],
      ['state', 'not in', ['done', 'cancel']],
    ],
    fields: ['product_id', 'purchase_line_id'],
  });
  const products = await productIdsBySku(
    client,
    receipt.lines.map((line) => line.sku),
  );
  const plan = planGoodsReceipt(
    receipt,
    picking.id,
    moves.map((move) => ({
      id: move.id,
      productId: many2oneId(move.product_id) ?? 0,
      purchaseLineId: many2oneId(move.purchase_line_id),
    })),
    products,
    fields.moveQuantity,
  );
  expectShape(
    z.literal(true),
    await client.call({
      model: 'stock.picking',
      method: 'write',
      ids: [plan.pickingId],
      params: { vals: plan.pickingVals },
    }),
    'stock.picking.write',
  );
  await validatePicking(client, plan.pickingId);
  return { kind: 'created', erpId: String(plan.pickingId) };
}
