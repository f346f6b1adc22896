import { deadLetterTopicOf, retryTopicOf } from '@ferry/contracts';
import { readTopicToEnd, type ReadRecord } from '@ferry/kafka-runtime';
import { testEnvironment, waitFor } from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';

/*
 * The ERP is down for a (compressed) maintenance window while the storefront keeps taking
 * orders. The storefront never sees an error, no order is lost or doubled in the ERP, and once
 * the ERP is back the backlog drains in order of arrival (per partition: the order Kafka keeps)
 * at the rate the adapter allows itself, not as a flood.
 */
describe('scenario: ERP maintenance window while orders keep coming', () => {
  const env = testEnvironment();
  const rate = 15;
  const retryDelaysMs = [1000, 2000];
  let system: FerrySystem;

  const order = (n: number) => ({
    externalOrderId: `WEB-${String(n).padStart(4, '0')}`,
    channel: 'webshop',
    customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
    currency: 'EUR',
    lines: [{ sku: 'DESK-1', quantity: 1 + (n % 3), unitPrice: '149.90' }],
  });

  const place = (n: number) =>
    fetch(`${system.orderApi.url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `maint-${n}`,
        authorization: system.authorization,
      },
      body: JSON.stringify(order(n)),
    });

  const kafka = () => ({
    brokers: env.kafkaBrokers,
    clientId: 'scenario-maintenance',
    connectionTimeoutMs: 5000,
    requestTimeoutMs: 30_000,
  });

  /** What the sales orders' retry tiers and dead-letter topic hold: spent attempts. */
  const spentAttempts = async () => {
    const { salesOrders } = system.topics;
    const topics = [
      ...retryDelaysMs.map((delay) => retryTopicOf(salesOrders, delay)),
      deadLetterTopicOf(salesOrders),
    ];
    return (await Promise.all(topics.map((topic) => readTopicToEnd(kafka(), topic)))).flat();
  };

  beforeAll(async () => {
    system = await startFerrySystem({
      endpoints: env,
      odooRequestsPerSecond: rate,
      extraErpEnv: { FERRY_RETRY_DELAYS_MS: retryDelaysMs.join(',') },
    });
    system.odoo.seed('product.product', { name: 'Desk', default_code: 'DESK-1' });
    system.odoo.seed('res.partner', { name: 'Ana', ref: 'C-7', email: 'ana@example.com' });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
  });

  it('loses no order, doubles none, and drains in arrival order without a flood', async () => {
    const { odoo } = system;
    const count = 40;
    await odoo.setFault({ mode: 'down' });
    const answers: number[] = [];
    for (let n = 1; n <= count; n++) answers.push((await place(n)).status);
    // A client retrying a few of them during the window changes nothing.
    for (const n of [3, 17, 29]) answers.push((await place(n)).status);
    expect(answers.every((status) => status === 202)).toBe(true);

    // The window lasts until the ERP sink has met the outage often enough to open its circuit:
    // it holds its partitions instead of burning retries, so no order went to a retry tier.
    await waitFor(
      "the ERP sink's circuit to open",
      async () =>
        (await system.metric(system.erpAdapter, 'ferry_circuit_open', { downstream: 'erp' })) === 1
          ? true
          : undefined,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(await spentAttempts()).toEqual([]);
    expect(odoo.searchRead('sale.order', [], ['id'])).toEqual([]);
    odoo.clearRequests();
    await odoo.setFault({ mode: 'ok' });

    const ids = Array.from({ length: count }, (_, i) => order(i + 1).externalOrderId);
    const saleOrders = await waitFor(
      'every order to reach the ERP',
      () => {
        const rows = odoo.searchRead(
          'sale.order',
          [['client_order_ref', 'in', ids]],
          ['client_order_ref'],
          { order: 'id asc' },
        );
        return rows.length >= count ? rows : undefined;
      },
      { timeoutMs: 150_000 },
    );
    const refs = saleOrders.map((row) => String(row['client_order_ref']));
    expect([...refs].sort()).toEqual(ids);

    // Arrival order per partition: Odoo created them in the order of their offsets.
    // Each order once on the topic: the client's retries were answered from the stored answer.
    const records = await readTopicToEnd(kafka(), system.topics.salesOrders);
    expect(records).toHaveLength(count);
    const createdAt = new Map(refs.map((ref, index) => [ref, index]));
    const byPartition = new Map<number, ReadRecord[]>();
    for (const record of records) {
      byPartition.set(record.partition, [...(byPartition.get(record.partition) ?? []), record]);
    }
    for (const partitionRecords of byPartition.values()) {
      const inOffsetOrder = [...partitionRecords]
        .sort((a, b) => Number(a.offset) - Number(b.offset))
        .map((r) => createdAt.get(r.key ?? ''));
      expect(inOffsetOrder).toEqual([...inOffsetOrder].sort((a = 0, b = 0) => a - b));
    }

    // No flood: the busiest second after the ERP came back stays within the adapter's rate
    // (its token bucket holds one second's worth).
    expect(odoo.maxRequestsPerSecond({ api: 'json2' })).toBeLessThanOrEqual(2 * rate);
    // Nothing was retried or dead-lettered: the outage used up no attempts.
    expect(await spentAttempts()).toEqual([]);
  }, 240_000);
});
