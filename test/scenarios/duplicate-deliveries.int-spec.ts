import { testEnvironment, waitFor } from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';

/*
 * Duplicates from every side: the storefront retries an order POST, Odoo sends every webhook
 * twice, the WMS sends every goods receipt twice. One order in the ERP, one purchase order in
 * each system, and the goods received once.
 */
describe('scenario: duplicate webhooks and retried requests', () => {
  let system: FerrySystem;
  let product = 0;
  let vendor = 0;

  beforeAll(async () => {
    system = await startFerrySystem({ endpoints: testEnvironment() });
    [product = 0] = system.odoo.seed('product.product', { name: 'Lamp', default_code: 'LAMP-1' });
    [vendor = 0] = system.odoo.seed('res.partner', { name: 'Lumen BV', is_company: true });
    system.odoo.seed('res.partner', { name: 'Ana', ref: 'C-7', email: 'ana@example.com' });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  });

  it('creates one sales order in the ERP for an order POST retried with its key', async () => {
    const body = JSON.stringify({
      externalOrderId: 'WEB-DUP-1',
      channel: 'webshop',
      customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
      currency: 'EUR',
      lines: [{ sku: 'LAMP-1', quantity: 2, unitPrice: '35.00' }],
    });
    const post = () =>
      fetch(`${system.orderApi.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'dup-key-1' },
        body,
      });
    const answers = await Promise.all([post(), post()]);
    const retried = await post();
    expect([...answers.map((a) => a.status), retried.status]).toEqual(
      expect.arrayContaining([202, 202]),
    );
    expect(retried.status).toBe(202);

    await waitFor('the order to reach the ERP', () =>
      system.odoo.searchRead('sale.order', [['client_order_ref', '=', 'WEB-DUP-1']], ['id'])
        .length > 0
        ? true
        : undefined,
    );
    // Give any second copy time to arrive before counting.
    await new Promise((done) => setTimeout(done, 3000));
    expect(
      system.odoo.searchRead('sale.order', [['client_order_ref', '=', 'WEB-DUP-1']], ['id']),
    ).toHaveLength(1);
  });

  it('keeps one purchase order in each system and books the receipt once', async () => {
    const { odoo, wms } = system;
    odoo.setWebhookFaults({ duplicateEvery: 1 });
    wms.setDeliveryFaults({ duplicateEvery: 1 });
    odoo.clock.advance(1000);
    const po = odoo.create('purchase.order', {
      partner_id: vendor,
      order_line: [[0, 0, { product_id: product, name: 'Lamp', product_qty: 12, price_unit: 9 }]],
    });
    odoo.clock.advance(1000);
    odoo.call('purchase.order', 'button_confirm', [po]);
    await odoo.webhooksIdle();

    const expected = await waitFor('the WMS to expect the purchase order', () =>
      wms.expectedReceipt(String(po))?.status === 'open'
        ? wms.expectedReceipt(String(po))
        : undefined,
    );
    expect(expected.lines.map((l) => [l.sku, l.quantity])).toEqual([['LAMP-1', 12]]);
    expect(odoo.searchRead('purchase.order', [], ['id'])).toHaveLength(1);
    expect(wms.expectedReceipts()).toHaveLength(1);

    wms.receiveGoods(String(po));
    await wms.deliveriesIdle();
    await waitFor('the receipt to be booked in the ERP', () => {
      const [line] = odoo.searchRead(
        'purchase.order.line',
        [['order_id', '=', po]],
        ['qty_received'],
      );
      return line?.['qty_received'] === 12 ? true : undefined;
    });
    await new Promise((done) => setTimeout(done, 3000));
    const [line] = odoo.searchRead(
      'purchase.order.line',
      [['order_id', '=', po]],
      ['qty_received'],
    );
    expect(line?.['qty_received']).toBe(12);
  });
});
