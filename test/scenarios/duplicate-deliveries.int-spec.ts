import { readTopicToEnd } from '@ferry/kafka-runtime';
import { testEnvironment, waitFor, type RunningService } from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';

/*
 * Duplicates from every side: the storefront retries an order POST, Odoo sends every webhook
 * twice, the WMS sends every goods receipt twice. One order in the ERP, one purchase order in
 * each system, and the goods received once.
 */
describe('scenario: duplicate webhooks and retried requests', () => {
  const env = testEnvironment();
  let system: FerrySystem;
  let product = 0;
  let vendor = 0;

  const recordsOf = (topic: string) =>
    readTopicToEnd(
      {
        brokers: env.kafkaBrokers,
        clientId: 'scenario-duplicates',
        connectionTimeoutMs: 5000,
        requestTimeoutMs: 30_000,
      },
      topic,
    );

  /**
   * Waits until a service's sink has finished every record `topic` holds now: a copy still on
   * its way would otherwise be counted after the check. Retried and parked records are not
   * finished; each of them is counted again under its final outcome.
   */
  const sinkFinished = async (service: RunningService, topic: string): Promise<void> => {
    const records = (await recordsOf(topic)).length;
    const events = (outcome?: string) =>
      system.metric(service, 'ferry_consumer_events_total', {
        topic,
        ...(outcome === undefined ? {} : { outcome }),
      });
    await waitFor(`the sink to finish the ${records} record(s) of ${topic}`, async () => {
      const finished = (await events()) - (await events('retried')) - (await events('parked'));
      return finished >= records ? true : undefined;
    });
  };

  beforeAll(async () => {
    system = await startFerrySystem({ endpoints: env });
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
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'dup-key-1',
          authorization: system.authorization,
        },
        body,
      });
    const concurrent = await Promise.all([post(), post()]);
    const retried = await post();
    // Of two at once, the second finds the first in progress (409, to retry) or its answer
    // stored (202): nothing else. The retry after both gets the stored answer.
    const statuses = concurrent.map((answer) => answer.status).sort();
    expect([
      [202, 202],
      [202, 409],
    ]).toContainEqual(statuses);
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([202, 'true']);

    await waitFor('the order to reach the ERP', () =>
      system.odoo.searchRead('sale.order', [['client_order_ref', '=', 'WEB-DUP-1']], ['id'])
        .length > 0
        ? true
        : undefined,
    );
    // The API published the order once, and the ERP sink is through with it: count now.
    const published = await recordsOf(system.topics.salesOrders);
    expect(published.filter((record) => record.key === 'WEB-DUP-1')).toHaveLength(1);
    await sinkFinished(system.erpAdapter, system.topics.salesOrders);
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
    await sinkFinished(system.wmsAdapter, system.topics.purchaseOrders);
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
    // Every copy of the receipt the WMS adapter published has reached the ERP sink by now.
    await sinkFinished(system.erpAdapter, system.topics.goodsReceipts);
    const [line] = odoo.searchRead(
      'purchase.order.line',
      [['order_id', '=', po]],
      ['qty_received'],
    );
    expect(line?.['qty_received']).toBe(12);
  });
});
