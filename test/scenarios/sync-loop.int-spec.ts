import { FerryHeaders } from '@ferry/contracts';
import { readTopicToEnd } from '@ferry/kafka-runtime';
import { testEnvironment, waitFor } from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';

/*
 * The sync loop that must never happen: a WMS batch job and an ERP inventory adjustment hit the
 * same SKU at the same moment. Inventory is the WMS's: its value wins in Ferry's projection and
 * in Odoo, the ERP's change is refused as a non-owner write (metric and log), and no inventory
 * change ever travels back: zero round trips.
 */
describe('scenario: WMS batch and ERP adjustment on one SKU (the sync loop)', () => {
  const env = testEnvironment();
  let system: FerrySystem;
  const skus = ['SKU-847', 'SKU-848', 'SKU-849'];

  const onHandInFerry = async (sku: string) => {
    const { rows } = await system.database.db.query<{ on_hand: string }>(
      `SELECT on_hand FROM inventory_levels WHERE sku = $1 AND location = 'WH/Stock'`,
      [sku],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].on_hand);
  };

  const quantInOdoo = (productId: number) =>
    system.odoo.searchRead(
      'stock.quant',
      [
        ['product_id', '=', productId],
        ['location_id', '=', system.odoo.locations.stock],
      ],
      ['quantity'],
    )[0]?.['quantity'];

  beforeAll(async () => {
    system = await startFerrySystem({ endpoints: testEnvironment() });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  });

  it('keeps the WMS value everywhere, refuses the ERP change and sends nothing back', async () => {
    const { odoo, wms } = system;
    const products = skus.map(
      (sku) => odoo.seed('product.product', { name: sku, default_code: sku })[0] ?? 0,
    );
    const [quant = 0] = odoo.seed('stock.quant', {
      product_id: products[0],
      location_id: odoo.locations.stock,
      quantity: 10,
    });

    // At the same moment: the WMS's nightly batch over the SKUs, and an Odoo user counting
    // SKU-847 differently and applying the adjustment in the ERP.
    const batch = wms.burstInventory({ count: 60, skus, locations: ['WH/Stock'], concurrency: 4 });
    odoo.write('stock.quant', [quant], { inventory_quantity: 999 });
    odoo.call('stock.quant', 'action_apply_inventory', [quant]);
    const finalSnapshots = await batch;
    await wms.deliveriesIdle();
    await odoo.webhooksIdle();

    // Ferry's projection and Odoo both end at the WMS's last value for every SKU.
    for (const snapshot of finalSnapshots) {
      await waitFor(`${snapshot.sku} in Ferry at the WMS value`, async () =>
        (await onHandInFerry(snapshot.sku)) === snapshot.onHand ? true : undefined,
      );
      const productId = products[skus.indexOf(snapshot.sku)] ?? 0;
      await waitFor(`${snapshot.sku} in Odoo at the WMS value`, () =>
        quantInOdoo(productId) === snapshot.onHand ? true : undefined,
      );
    }

    // The ERP's adjustment was refused as a non-owner write, counted and logged.
    await waitFor('the refusal to be counted', async () =>
      (await system.metric(system.erpAdapter, 'ferry_ownership_refusals_total', {
        system: 'erp',
        entity: 'inventoryLevel',
      })) >= 1
        ? true
        : undefined,
    );
    expect(system.erpAdapter.output()).toMatch(
      /sender does not own the entity[^\n]*"entity":"inventoryLevel"/,
    );

    // Zero round trips: the inventory topic holds exactly the WMS's changes (one event each,
    // whatever was re-sent), none from elsewhere, and Ferry wrote no inventory into the WMS.
    const wmsChanges = new Set(
      wms
        .deliveries()
        .filter((d) => d.url.endsWith('/v1/inventory-levels') && d.outcome === 'delivered')
        .flatMap((d) => {
          const body = JSON.parse(d.rawBody) as
            | { snapshots: { sku: string; location: string; version: number }[] }
            | { sku: string; location: string; version: number };
          return 'snapshots' in body ? body.snapshots : [body];
        })
        .map((s) => `${s.sku}@${s.location}#${s.version}`),
    );
    const events = await readTopicToEnd(
      {
        brokers: env.kafkaBrokers,
        clientId: 'scenario-847',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      system.topics.inventory,
    );
    expect(events.filter((e) => e.headers[FerryHeaders.originSystem] !== 'wms')).toEqual([]);
    expect(new Set(events.map((e) => e.headers[FerryHeaders.eventId])).size).toBe(wmsChanges.size);
    expect(wms.requests().filter((r) => !r.path.startsWith('/__sim'))).toEqual([]);
  });
});
