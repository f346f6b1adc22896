import { testEnvironment, waitFor, type RunningService } from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';

/*
 * Both adapters run as Kubernetes runs them: an intake process and a sink process each
 * (FERRY_ROLE). With the WMS and then Odoo down, each sink holds its partitions and reports
 * itself not ready, while the intakes stay ready and keep taking traffic; once both systems are
 * back, the sinks deliver what waited and are ready again.
 */
/** What `/health/ready` answers. */
interface HealthReport {
  readonly live: boolean;
  readonly ready: boolean;
  readonly components: Record<string, { readonly ready: boolean; readonly detail?: string }>;
}

describe('scenario: the WMS and Odoo down, the intakes stay in service', () => {
  const env = testEnvironment();
  let system: FerrySystem;

  const health = async (service: RunningService) => {
    const response = await fetch(`${service.opsUrl}/health/ready`);
    return { status: response.status, report: (await response.json()) as HealthReport };
  };

  /** Waits until `service` reports itself not ready because a component holds its partitions. */
  const holding = (service: RunningService, what: string) =>
    waitFor(
      `${what} to hold its partitions`,
      async () => {
        const { status, report } = await health(service);
        const held = Object.values(report.components).some((c) => c.detail?.startsWith('holding'));
        return status === 503 && report.live && held ? report : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );

  const postSnapshot = (sku: string, onHand: number, version: number) =>
    fetch(`${system.wmsAdapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: system.authorization },
      body: JSON.stringify({ sku, location: 'WH/Stock', onHand, version }),
    });

  beforeAll(async () => {
    system = await startFerrySystem({ endpoints: env, split: true });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  });

  it('keeps both intakes ready while each sink holds for its system, then delivers', async () => {
    const { odoo, wms } = system;
    const [product = 0] = odoo.seed('product.product', { name: 'Lamp', default_code: 'LAMP-1' });
    const [vendor = 0] = odoo.seed('res.partner', { name: 'Lumen BV', is_company: true });

    // An intake runs no consumer: its readiness has no component a downstream could hold.
    const intakeComponents = Object.keys((await health(system.wmsAdapter)).report.components);
    const sinkComponents = Object.keys((await health(system.wmsSink)).report.components);
    expect(sinkComponents.filter((name) => !intakeComponents.includes(name))).not.toEqual([]);

    // The WMS goes down; Odoo confirms a purchase order, which the WMS sink cannot deliver.
    await wms.setFault({ mode: 'down' });
    const purchaseOrder = odoo.create('purchase.order', {
      partner_id: vendor,
      order_line: [[0, 0, { product_id: product, name: 'Lamp', product_qty: 12, price_unit: 9 }]],
    });
    await odoo.webhooksIdle();
    odoo.clock.advance(1000);
    odoo.call('purchase.order', 'button_confirm', [purchaseOrder]);
    await holding(system.wmsSink, 'the WMS sink');

    // Odoo goes down too; the WMS keeps counting stock, which the ERP sink cannot deliver.
    await odoo.setFault({ mode: 'down' });
    expect((await postSnapshot('LAMP-1', 40, 1)).status).toBe(202);
    await holding(system.erpSink, 'the ERP sink');

    // Both systems down: every intake is still ready and the WMS intake still takes stock.
    for (const intake of [system.wmsAdapter, system.erpAdapter, system.orderApi]) {
      const { status, report } = await health(intake);
      expect({ status, ready: report.ready }).toEqual({ status: 200, ready: true });
    }
    expect((await postSnapshot('LAMP-1', 41, 2)).status).toBe(202);

    // Back up: each sink delivers what waited and is ready again.
    await wms.setFault({ mode: 'ok' });
    await odoo.setFault({ mode: 'ok' });
    await waitFor('the WMS to expect the purchase order', () =>
      wms.expectedReceipt(String(purchaseOrder))?.status === 'open' ? true : undefined,
    );
    await waitFor(
      'Odoo to hold the last count',
      () => {
        const [quant] = odoo.searchRead(
          'stock.quant',
          [
            ['product_id', '=', product],
            ['location_id', '=', odoo.locations.stock],
          ],
          ['quantity'],
        );
        return Number(quant?.['quantity']) === 41 ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    for (const sink of [system.wmsSink, system.erpSink]) {
      await waitFor(
        'a sink to be ready again',
        async () => ((await health(sink)).status === 200 ? true : undefined),
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    }
  }, 300_000);
});
