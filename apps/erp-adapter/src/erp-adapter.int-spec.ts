import {
  deriveEventId,
  FerryHeaders,
  GoodsReceiptRecordedContract,
  InventoryLevelSetContract,
  SalesOrderPlacedContract,
  valueSubject,
  type EventContract,
  type EventEnvelope,
  type GoodsReceiptRecorded,
  type SalesOrderPlaced,
} from '@ferry/contracts';
import { parseOdooDatetime, signedWebhookHeaders } from '@ferry/erp-odoo';
import { KafkaRuntime, readTopicToEnd } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import { startOdooSimulator, type OdooSimulator } from '@ferry/simulators';
import {
  inventoryLevelSet,
  isolatedDatabase,
  startService,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
  type RunningService,
} from '@ferry/test-support';

/*
 * The ERP adapter as a process of its own, against the Odoo simulator, real Kafka, registry and
 * Postgres: signed webhooks with their documented answers, exactly one event per real change,
 * the ownership refusal of an Odoo inventory adjustment, the catch-up poll behind dropped
 * webhooks, and one sale.order for a sales order delivered twice.
 */
describe('ERP adapter (Odoo)', () => {
  const env = testEnvironment();
  const secret = 'erp-adapter-test-secret-0001';
  const topics = {
    purchaseOrders: uniqueName('erp_po'),
    invoices: uniqueName('erp_inv'),
    salesOrders: uniqueName('erp_so'),
    goodsReceipts: uniqueName('erp_gr'),
    inventory: uniqueName('erp_inv_levels'),
  };
  let database: IsolatedDatabase;
  let odoo: OdooSimulator;
  let adapter: RunningService;
  let runtime: KafkaRuntime;
  let vendor = 0;
  let product = 0;

  const webhookUrl = (): string => `${adapter.url}/v1/erp/odoo/webhooks`;

  const post = (rawBody: Buffer, headers: Record<string, string>) =>
    fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: rawBody,
    });

  const signed = (body: unknown, key = secret, nowMs = Date.now()) => {
    const rawBody = Buffer.from(JSON.stringify(body));
    return { rawBody, headers: signedWebhookHeaders(key, rawBody, nowMs) };
  };

  const noticeOf = (model: string, id: number) => {
    const [row] = odoo.read(model, [id], ['write_date', 'state']);
    return { _model: model, _id: id, _action: 'Notify Ferry(#1)', ...row };
  };

  /** The events of one purchase order, of all the (shared) topic holds up to its end. */
  const purchaseOrderEvents = async (entityId: string) => {
    const records = await readTopicToEnd(runtime, topics.purchaseOrders);
    return records.filter((record) => record.key === entityId);
  };

  const newPurchaseOrder = (): number => {
    // A new second for every change: write_date (the version) has one-second resolution.
    odoo.clock.advance(1000);
    return odoo.create('purchase.order', {
      partner_id: vendor,
      order_line: [[0, 0, { product_id: product, name: 'Desk', product_qty: 4, price_unit: 50 }]],
    });
  };

  /** Publishes each event as the WMS would (its origin), in order. */
  const publishAsWms = async <T extends EventEnvelope>(
    topic: string,
    contract: EventContract<T>,
    events: readonly T[],
  ): Promise<void> => {
    const publisher = runtime.publisher({
      topic,
      subject: valueSubject(topic),
      contract,
      originSystem: 'wms',
    });
    await publisher.connect();
    try {
      for (const event of events) await publisher.publish([event]);
    } finally {
      await publisher.disconnect();
    }
  };

  /** Events of `topic` the adapter's sink consumers have handled, with `outcome` or any. */
  const handledEvents = async (topic: string, outcome?: string): Promise<number> => {
    const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
    return metrics
      .split('\n')
      .filter((line) => line.startsWith('ferry_consumer_events_total{'))
      .filter((line) => line.includes(`topic="${topic}"`))
      .filter((line) => outcome === undefined || line.includes(`outcome="${outcome}"`))
      .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, 'e2e_erp');
    odoo = await startOdooSimulator({ signing: { secret } });
    [vendor = 0] = odoo.seed('res.partner', { name: 'Azure Interior', is_company: true });
    [product = 0] = odoo.seed('product.product', { name: 'Desk', default_code: 'DESK-1' });
    odoo.seed('res.partner', { name: 'Ana', ref: 'C-7', email: 'ana@example.com' });
    adapter = await startService('erp-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      ODOO_URL: odoo.url,
      ODOO_PROTOCOL: 'json2',
      ODOO_DATABASE: odoo.credentials.database,
      ODOO_API_KEY: odoo.credentials.apiKey,
      ODOO_REQUESTS_PER_SECOND: '50',
      FERRY_ODOO_WEBHOOK_SECRETS: `another-older-secret-01,${secret}`,
      FERRY_ODOO_POLL_INTERVAL_MS: '500',
      // The poll leaves the last 3 s to the webhooks, so the webhook path is what (a) sees.
      FERRY_ODOO_POLL_SETTLE_MS: '3000',
      FERRY_PURCHASE_ORDER_TOPIC: topics.purchaseOrders,
      FERRY_INVOICE_TOPIC: topics.invoices,
      FERRY_SALES_ORDER_TOPIC: topics.salesOrders,
      FERRY_GOODS_RECEIPT_TOPIC: topics.goodsReceipts,
      FERRY_INVENTORY_TOPIC: topics.inventory,
      FERRY_ERP_SINK_GROUP_PREFIX: uniqueName('erp_sink'),
      FERRY_RETRY_DELAYS_MS: '1000',
    });
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: 'erp-adapter-test',
        connectionTimeoutMs: 3000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });
  }, 120_000);

  afterAll(async () => {
    if (process.env['ERP_ADAPTER_TEST_OUTPUT'] === '1') process.stdout.write(adapter.output());
    await adapter.stop();
    await odoo.stop();
    await database.drop();
  });

  describe('(a) webhooks', () => {
    it('publishes one event for a valid notice and answers replays with 200 duplicate', async () => {
      const order = newPurchaseOrder();
      const delivery = signed(noticeOf('purchase.order', order));
      const first = await post(delivery.rawBody, delivery.headers);
      expect(first.status).toBe(202);
      const body = (await first.json()) as { events: { eventId: string; entityId: string }[] };
      expect(body.events).toHaveLength(1);

      const replayed = await post(delivery.rawBody, delivery.headers);
      expect(replayed.status).toBe(200);
      expect(await replayed.json()).toEqual({ duplicate: true });
      // The same change sent again later (a new signature): one delivery id per change.
      const resent = signed(noticeOf('purchase.order', order), secret, Date.now() + 2000);
      expect((await post(resent.rawBody, resent.headers)).status).toBe(200);

      // Published before the answers: the topic's end holds all the three deliveries caused.
      const events = await purchaseOrderEvents(String(order));
      expect(events).toHaveLength(1);
      expect(events[0]?.headers[FerryHeaders.eventId]).toBe(body.events[0]?.eventId);
      expect(events[0]?.headers[FerryHeaders.originSystem]).toBe('erp');
    });

    it('answers unsigned, badly signed, stale, malformed, oversized and unknown with their statuses', async () => {
      const order = newPurchaseOrder();
      const notice = noticeOf('purchase.order', order);
      const unsigned = Buffer.from(JSON.stringify(notice));
      expect((await post(unsigned, {})).status).toBe(401);
      const forged = signed(notice, 'not-the-secret-at-all-0001');
      expect((await post(forged.rawBody, forged.headers)).status).toBe(401);
      const stale = signed(notice, secret, Date.now() - 3_600_000);
      const staleAnswer = await post(stale.rawBody, stale.headers);
      expect([staleAnswer.status, await staleAnswer.json()]).toEqual([
        401,
        expect.objectContaining({ error: 'stale' }),
      ]);
      const altered = signed(notice);
      const tampered = Buffer.from(JSON.stringify({ ...notice, _id: order + 1000 }));
      expect((await post(tampered, altered.headers)).status).toBe(401);
      const badHeader = await post(unsigned, {
        'x-ferry-signature': 'md5=abc',
        'x-ferry-timestamp': String(Math.floor(Date.now() / 1000)),
      });
      expect(badHeader.status).toBe(400);
      const invalid = signed({ _model: 'purchase.order', _id: 'seven' });
      expect((await post(invalid.rawBody, invalid.headers)).status).toBe(400);
      const huge = signed({ ...notice, padding: 'x'.repeat(300 * 1024) });
      expect((await post(huge.rawBody, huge.headers)).status).toBe(413);
      const unknown = signed({ _model: 'res.partner', _id: vendor });
      const unknownAnswer = await post(unknown.rawBody, unknown.headers);
      expect([unknownAnswer.status, await unknownAnswer.json()]).toEqual([
        422,
        expect.objectContaining({ error: 'unknown_model' }),
      ]);
      // None of these was published; the poll publishes the change only after its settle window.
      expect(await purchaseOrderEvents(String(order))).toEqual([]);
    });

    it('publishes one event per real change when Odoo sends every webhook twice', async () => {
      const url = webhookUrl();
      odoo.addWebhook({ model: 'purchase.order', url, fields: ['write_date', 'state'] });
      odoo.setWebhookFaults({ duplicateEvery: 1 });
      const order = newPurchaseOrder();
      // The adapter re-reads the order on every notice and publishes what it finds, so a change
      // is its own event only if its notices are handled before the next change is made.
      await odoo.webhooksIdle();
      odoo.clock.advance(1000);
      odoo.call('purchase.order', 'button_confirm', [order]);
      await odoo.webhooksIdle();
      odoo.setWebhookFaults({ dropEvery: 1 });
      const label = `purchase.order#${order}`;
      const statuses = odoo
        .webhookDeliveries()
        .filter((d) => d.label.startsWith(label))
        .map((d) => d.status);
      expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
      expect(statuses.every((s) => s === 202 || s === 200)).toBe(true);
      // Two real changes (created, confirmed), each delivered twice: two events, distinct ids.
      const events = await purchaseOrderEvents(String(order));
      const ids = events.map((e) => e.headers[FerryHeaders.eventId]);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    });
  });

  it('(b) refuses an Odoo inventory adjustment with 403 not_owner and counts it', async () => {
    const [quant = 0] = odoo.seed('stock.quant', {
      product_id: product,
      location_id: odoo.locations.stock,
      quantity: 7,
    });
    const delivery = signed({ _model: 'stock.quant', _id: quant, _action: 'Notify Ferry(#9)' });
    const answer = await post(delivery.rawBody, delivery.headers);
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: 'not_owner' });
    const metrics = await (await fetch(`${adapter.url}/metrics`)).text();
    expect(metrics).toMatch(
      /ferry_ownership_refusals_total\{system="erp",entity="inventoryLevel"\} 1\b/,
    );
    const inventory = await readTopicToEnd(runtime, topics.inventory);
    expect(
      inventory.filter((record) => record.headers[FerryHeaders.originSystem] !== 'wms'),
    ).toEqual([]);
  });

  it('(c) the catch-up poll publishes a change whose webhook was dropped', async () => {
    odoo.setWebhookFaults({ dropEvery: 1 });
    const order = newPurchaseOrder();
    await odoo.webhooksIdle();
    const dropped = odoo
      .webhookDeliveries()
      .filter((d) => d.label === `purchase.order#${order} create`);
    expect(dropped.map((d) => d.outcome)).toEqual(['dropped']);
    const events = await waitFor(
      'the poll to publish the order',
      async () => {
        const found = await purchaseOrderEvents(String(order));
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    expect(events).toHaveLength(1);
  });

  it('(c) the poll publishes the later of two changes made within one second, under the next millisecond', async () => {
    // Automatic webhooks stay dropped: the first change arrives by a webhook of the test's own,
    // the second (same write_date, so the same delivery id) only by the catch-up poll.
    odoo.setWebhookFaults({ dropEvery: 1 });
    odoo.clock.freeze();
    try {
      const order = newPurchaseOrder();
      const created = signed(noticeOf('purchase.order', order));
      expect((await post(created.rawBody, created.headers)).status).toBe(202);
      odoo.call('purchase.order', 'button_confirm', [order]);
      const [{ write_date: writeDate, state } = {}] = odoo.read(
        'purchase.order',
        [order],
        ['write_date', 'state'],
      );
      expect(state).toBe('purchase');
      const second = parseOdooDatetime(String(writeDate)) ?? Number.NaN;
      const events = await waitFor(
        'the poll to publish the confirmed state',
        async () => {
          const found = await purchaseOrderEvents(String(order));
          return found.length >= 2 ? found : undefined;
        },
        // The second settles a few seconds after its second ends.
        { timeoutMs: 60_000, intervalMs: 1000 },
      );
      expect(events.map((e) => e.headers[FerryHeaders.eventId])).toEqual([
        deriveEventId('erp', String(order), second),
        deriveEventId('erp', String(order), second + 1),
      ]);
    } finally {
      odoo.clock.resume();
    }
  }, 120_000);

  it('(d) writes a sales order delivered twice into Odoo once', async () => {
    const externalOrderId = uniqueName('SO');
    const order: SalesOrderPlaced = {
      eventId: deriveEventId('storefront', externalOrderId, 1),
      entityId: externalOrderId,
      sourceSystem: 'storefront',
      sourceVersion: 1,
      occurredAt: Date.now(),
      externalOrderId,
      channel: 'webshop-eu',
      customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
      lines: [{ sku: 'DESK-1', quantity: 2, unitPrice: '19.99', lineTotal: '39.98' }],
      currency: 'EUR',
      totals: { subtotal: '39.98', tax: '0.00', shipping: '0.00', total: '39.98' },
      placedAt: Date.now(),
    };
    const publisher = runtime.publisher({
      topic: topics.salesOrders,
      subject: valueSubject(topics.salesOrders),
      contract: SalesOrderPlacedContract,
      originSystem: 'storefront',
    });
    await publisher.connect();
    try {
      await publisher.publish([order]);
      await publisher.publish([order]);
    } finally {
      await publisher.disconnect();
    }
    const created = await waitFor(
      'the sale.order in Odoo',
      () => {
        const rows = odoo.searchRead('sale.order', [['client_order_ref', '=', externalOrderId]]);
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(created).toHaveLength(1);
    await waitFor(
      'the sink to handle both deliveries',
      async () => ((await handledEvents(topics.salesOrders)) >= 2 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(
      odoo.searchRead('sale.order', [['client_order_ref', '=', externalOrderId]]),
    ).toHaveLength(1);
    const creates = odoo
      .writeRequests('sale.order')
      .filter((request) => request.method === 'create');
    expect(creates).toHaveLength(1);
  });

  it('(e) records a goods receipt delivered twice once, and sets the WMS inventory level', async () => {
    const order = newPurchaseOrder();
    odoo.call('purchase.order', 'button_confirm', [order]);
    const [line] = odoo.searchRead('purchase.order.line', [['order_id', '=', order]], ['id']);
    const receiptId = uniqueName('GR');
    const receipt: GoodsReceiptRecorded = {
      eventId: deriveEventId('wms', receiptId, 1),
      entityId: receiptId,
      sourceSystem: 'wms',
      sourceVersion: 1,
      occurredAt: Date.now(),
      receiptId,
      purchaseOrderId: String(order),
      warehouse: 'WH',
      lines: [
        {
          sku: 'DESK-1',
          quantity: 3,
          unit: 'Units',
          location: 'WH/Stock',
          purchaseOrderLineId: String(line?.['id']),
        },
      ],
      receivedAt: Date.now(),
    };
    await publishAsWms(topics.goodsReceipts, GoodsReceiptRecordedContract, [receipt, receipt]);
    await waitFor(
      'the sink to handle both deliveries',
      async () => ((await handledEvents(topics.goodsReceipts)) >= 2 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    // 3 of 4 received: one validated receipt with the marker, the rest open as a backorder.
    expect(odoo.read('purchase.order.line', [Number(line?.['id'])], ['qty_received'])).toEqual([
      expect.objectContaining({ qty_received: 3 }),
    ]);
    const pickings = odoo.searchRead(
      'stock.picking',
      [['purchase_id', '=', order]],
      ['state', 'note', 'backorder_id'],
      { order: 'id asc' },
    );
    expect(pickings).toEqual([
      expect.objectContaining({ state: 'done', note: `<p>ferry-receipt:${receipt.eventId}</p>` }),
      expect.objectContaining({
        state: 'assigned',
        backorder_id: [pickings[0]?.['id'], expect.any(String)],
      }),
    ]);
    expect(odoo.read('purchase.order', [order], ['receipt_status'])[0]).toMatchObject({
      receipt_status: 'partial',
    });
    const pickingWrites = odoo.writeRequests('stock.picking').map((request) => request.method);
    expect(pickingWrites).toEqual(['write', 'button_validate']);

    const level = inventoryLevelSet('DESK-1', 1, 25, 'WH/Stock');
    await publishAsWms(topics.inventory, InventoryLevelSetContract, [level]);
    const quant = await waitFor(
      'the counted quantity in Odoo',
      () => {
        const [row] = odoo.searchRead(
          'stock.quant',
          [
            ['product_id', '=', product],
            ['location_id', '=', odoo.locations.stock],
          ],
          ['quantity', 'inventory_quantity_set'],
        );
        return row?.['quantity'] === 25 ? row : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(quant).toMatchObject({ quantity: 25, inventory_quantity_set: false });
    expect(
      odoo.searchRead('stock.quant', [['product_id', '=', product]], ['location_id']),
    ).toHaveLength(1);
  });

  it('(e) keeps the newer inventory level in Odoo when an older one arrives after it', async () => {
    const [lamp = 0] = odoo.seed('product.product', { name: 'Lamp', default_code: 'LAMP-9' });
    const quantityOfLamp = () =>
      odoo.searchRead(
        'stock.quant',
        [
          ['product_id', '=', lamp],
          ['location_id', '=', odoo.locations.stock],
        ],
        ['quantity'],
      )[0]?.['quantity'];
    const handledBefore = await handledEvents(topics.inventory);
    const staleBefore = await handledEvents(topics.inventory, 'stale');
    // Version 2 first, then version 1 late (as from a retry tier): the older count must not win.
    await publishAsWms(topics.inventory, InventoryLevelSetContract, [
      inventoryLevelSet('LAMP-9', 2, 30, 'WH/Stock'),
      inventoryLevelSet('LAMP-9', 1, 20, 'WH/Stock'),
    ]);
    await waitFor(
      'the sink to handle both levels',
      async () => ((await handledEvents(topics.inventory)) >= handledBefore + 2 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(quantityOfLamp()).toBe(30);
    expect(await handledEvents(topics.inventory, 'stale')).toBe(staleBefore + 1);
  });

  it('(f) purges the sinks’ processed event ids past their retention, hosted like every consumer', async () => {
    const [stale, fresh] = [
      '00000000-0000-5000-8000-0000000a11ce',
      '00000000-0000-5000-8000-0000000b0b00',
    ];
    await database.db.query(
      `INSERT INTO ferry_processed_events (consumer_group, event_id, processed_at)
       VALUES ('old-sink', $1, now() - interval '8 days'), ('old-sink', $2, now())`,
      [stale, fresh],
    );
    const processed = async () =>
      (
        await database.db.query<{ event_id: string }>(
          "SELECT event_id FROM ferry_processed_events WHERE consumer_group = 'old-sink'",
        )
      ).rows.map((row) => row.event_id);
    // A sink process of its own; its dedup rows live in the same schema.
    const sink = await startService('erp-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      FERRY_ROLE: 'sink',
      ODOO_URL: odoo.url,
      ODOO_PROTOCOL: 'json2',
      ODOO_DATABASE: odoo.credentials.database,
      ODOO_API_KEY: odoo.credentials.apiKey,
      FERRY_ODOO_WEBHOOK_SECRETS: secret,
      FERRY_SALES_ORDER_TOPIC: topics.salesOrders,
      FERRY_GOODS_RECEIPT_TOPIC: topics.goodsReceipts,
      FERRY_INVENTORY_TOPIC: topics.inventory,
      FERRY_ERP_SINK_GROUP_PREFIX: uniqueName('erp_purge'),
      FERRY_RETRY_DELAYS_MS: '1000',
      FERRY_DEDUP_RETENTION_MS: String(7 * 24 * 3_600_000),
    });
    try {
      await waitFor('the expired id to be purged', async () =>
        (await processed()).includes(stale) ? undefined : true,
      );
      expect(await processed()).toEqual([fresh]);
    } finally {
      await sink.stop();
    }
  });
});
