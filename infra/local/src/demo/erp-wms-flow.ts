import { waitFor } from '@ferry/test-support';
import type { Endpoints } from '../endpoints';
import { startFerrySystem, type FerrySystem } from '../system/ferry-system';

/*
 * The demo's second part: the whole ERP ↔ WMS flow between the Odoo and WMS simulators, each step
 * waited for in the systems themselves and printed with the time it took.
 */

type Say = (line: string) => void;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function step<T>(
  say: Say,
  label: string,
  what: string,
  run: () => Promise<T>,
  outcome: (value: T) => string,
): Promise<T> {
  const started = Date.now();
  const value = await run();
  say(`  ${label.padEnd(15)} ${what} → ${outcome(value)} (${seconds(Date.now() - started)})`);
  return value;
}

function quantity(system: FerrySystem, productId: number): unknown {
  return system.odoo.searchRead(
    'stock.quant',
    [
      ['product_id', '=', productId],
      ['location_id', '=', system.odoo.locations.stock],
    ],
    ['quantity'],
  )[0]?.['quantity'];
}

async function onHandInFerry(system: FerrySystem, sku: string): Promise<number | undefined> {
  const { rows } = await system.database.db.query<{ on_hand: string }>(
    `SELECT on_hand FROM inventory_levels WHERE sku = $1 AND location = 'WH/Stock'`,
    [sku],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].on_hand);
}

export interface ErpWmsFlowOptions {
  /** Sees the system once the flow ended (a test reads the services' output there). */
  readonly beforeStop?: (system: FerrySystem) => void;
  /** Environment every service gets on top of its own. */
  readonly extraEnv?: Readonly<Record<string, string>>;
}

/** Runs the flow; true when every step ended in the state it should. */
export async function runErpWmsFlow(
  endpoints: Endpoints,
  say: Say,
  options: ErpWmsFlowOptions = {},
): Promise<boolean> {
  say('');
  say('Ferry demo, part 2: Odoo (simulated) ↔ Ferry ↔ WMS (simulated)');
  let started = Date.now();
  const system = await startFerrySystem({
    endpoints,
    extraEnv: { FERRY_LOG_LEVEL: 'warn', ...options.extraEnv },
  });
  say(
    `· erp-adapter, wms-adapter, order-api and inventory-projector up against the simulators (${seconds(Date.now() - started)})`,
  );
  try {
    const { odoo, wms } = system;
    const [product = 0] = odoo.seed('product.product', { name: 'Lamp', default_code: 'LAMP-1' });
    const [vendor = 0] = odoo.seed('res.partner', { name: 'Lumen BV', is_company: true });
    odoo.seed('res.partner', { name: 'Ana', ref: 'C-7', email: 'ana@example.com' });
    /** The WMS counts LAMP-1 at `onHand`; resolves once Ferry and Odoo both hold that value. */
    const countInWms = (onHand: number): Promise<number> => {
      wms.setStock({ sku: 'LAMP-1', location: 'WH/Stock', onHand });
      return waitFor(`Ferry and Odoo at ${String(onHand)}`, async () =>
        (await onHandInFerry(system, 'LAMP-1')) === onHand && quantity(system, product) === onHand
          ? onHand
          : undefined,
      );
    };

    const po = await step(
      say,
      'purchase order',
      'confirmed in Odoo',
      async () => {
        const id = odoo.create('purchase.order', {
          partner_id: vendor,
          order_line: [
            [0, 0, { product_id: product, name: 'Lamp', product_qty: 12, price_unit: 9 }],
          ],
        });
        await odoo.webhooksIdle();
        odoo.clock.advance(1000);
        odoo.call('purchase.order', 'button_confirm', [id]);
        await waitFor('the WMS to expect the purchase order', () =>
          wms.expectedReceipt(String(id))?.status === 'open' ? true : undefined,
        );
        return id;
      },
      (id) => {
        const lines = wms.expectedReceipt(String(id))?.lines ?? [];
        return `the WMS expects ${lines.map((l) => `${String(l.quantity)} × ${l.sku}`).join(', ')}`;
      },
    );

    await step(
      say,
      'goods receipt',
      'the WMS receives the goods',
      async () => {
        wms.receiveGoods(String(po));
        return waitFor('the receipt to be booked in Odoo', () => {
          const [line] = odoo.searchRead(
            'purchase.order.line',
            [['order_id', '=', po]],
            ['qty_received'],
          );
          return line?.['qty_received'] === 12 ? line['qty_received'] : undefined;
        });
      },
      (received) => `Odoo's purchase order shows ${String(received)} received`,
    );

    await step(
      say,
      'sales order',
      'POST /api/orders twice with one Idempotency-Key',
      async () => {
        const post = () =>
          fetch(`${system.orderApi.url}/api/orders`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'idempotency-key': 'demo-order-1',
              authorization: system.authorization,
            },
            body: JSON.stringify({
              externalOrderId: 'WEB-1001',
              channel: 'webshop',
              customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
              currency: 'EUR',
              lines: [{ sku: 'LAMP-1', quantity: 2, unitPrice: '35.00' }],
            }),
          });
        const statuses = [(await post()).status, (await post()).status];
        await waitFor('the order to reach Odoo', () =>
          odoo.searchRead('sale.order', [['client_order_ref', '=', 'WEB-1001']], ['id']).length > 0
            ? true
            : undefined,
        );
        return statuses;
      },
      (statuses) =>
        `answers ${statuses.join(', ')}; Odoo holds ${String(
          odoo.searchRead('sale.order', [['client_order_ref', '=', 'WEB-1001']], ['id']).length,
        )} sale.order for WEB-1001`,
    );

    await step(
      say,
      'inventory',
      'the WMS counts LAMP-1 at 40',
      () => countInWms(40),
      (value) => `Ferry ${String(value)}, Odoo ${String(value)}`,
    );

    const refused = await step(
      say,
      'ownership',
      'an Odoo user sets LAMP-1 to 999',
      async () => {
        const refusals = () =>
          system.metric(system.erpAdapter, 'ferry_ownership_refusals_total', {
            system: 'erp',
            entity: 'inventoryLevel',
          });
        // Ferry's own writes into Odoo come back as Odoo webhooks and are refused too: count
        // from here on.
        await odoo.webhooksIdle();
        const before = await refusals();
        const [quant] = odoo.searchRead(
          'stock.quant',
          [
            ['product_id', '=', product],
            ['location_id', '=', odoo.locations.stock],
          ],
          ['id'],
        );
        const id = Number(quant?.['id']);
        odoo.write('stock.quant', [id], { inventory_quantity: 999 });
        odoo.call('stock.quant', 'action_apply_inventory', [id]);
        await odoo.webhooksIdle();
        return waitFor('the refusal to be counted', async () => {
          const count = (await refusals()) - before;
          return count >= 1 ? count : undefined;
        });
      },
      (count) =>
        `refused (403 not_owner, ferry_ownership_refusals_total +${String(count)}); nothing published`,
    );

    const back = await step(
      say,
      'next WMS count',
      'the WMS counts LAMP-1 at 41',
      () => countInWms(41),
      (value) => `Ferry ${String(value)}, Odoo ${String(value)}: the WMS stays the owner`,
    );
    // Nothing but expected receipts ever goes into the WMS: no inventory travels back.
    const roundTrips = wms
      .requests()
      .filter((r) => !r.path.startsWith('/__sim') && !r.path.startsWith('/api/expected-receipts'));
    say(`  round trips     ${String(roundTrips.length)} inventory writes into the WMS`);
    return refused >= 1 && back === 41 && roundTrips.length === 0;
  } finally {
    options.beforeStop?.(system);
    started = Date.now();
    await system.stop();
    say(`· part 2 stopped (${seconds(Date.now() - started)})`);
  }
}
