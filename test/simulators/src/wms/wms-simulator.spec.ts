import { startCaptureServer, type CaptureServer } from '../http/capture-server';
import type { InventorySnapshot } from './wms-payloads';
import { startWmsSimulator, type WmsSimulator } from './wms-simulator';

let ferry: CaptureServer;
let wms: WmsSimulator;

beforeEach(async () => {
  ferry = await startCaptureServer();
  wms = await startWmsSimulator({ targetUrl: ferry.url });
});

afterEach(async () => {
  await wms.stop();
  await ferry.stop();
});

const receipt = (version: number, quantity = 10) => ({
  version,
  purchaseOrderRef: 'P00001',
  supplier: 'Azure Interior',
  status: 'open',
  lines: [{ lineId: '1', sku: 'DESK-1', quantity }],
});

async function put(purchaseOrderId: string, body: unknown) {
  const response = await fetch(`${wms.url}/api/expected-receipts/${purchaseOrderId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    outcome: response.headers.get('x-wms-outcome'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('expected receipts', () => {
  it('stores a receipt and is idempotent per purchase order and version', async () => {
    expect(await put('odoo:7', receipt(1))).toMatchObject({
      status: 201,
      outcome: 'created',
      body: { purchaseOrderId: 'odoo:7', version: 1 },
    });
    expect(await put('odoo:7', receipt(1))).toMatchObject({ status: 200, outcome: 'unchanged' });
    expect(await put('odoo:7', receipt(2, 12))).toMatchObject({
      status: 200,
      outcome: 'updated',
      body: { version: 2 },
    });
    expect(await put('odoo:7', receipt(1))).toMatchObject({
      status: 200,
      outcome: 'stale',
      body: { version: 2 },
    });
    expect(await put('odoo:7', receipt(2, 99))).toMatchObject({ status: 409, outcome: 'conflict' });
    expect(wms.expectedReceipt('odoo:7')?.lines[0]?.quantity).toBe(12);
    expect(wms.expectedReceiptWrites().map((w) => w.outcome)).toEqual([
      'created',
      'unchanged',
      'updated',
      'stale',
      'conflict',
    ]);
  });

  it('rejects an invalid receipt with the problems found', async () => {
    const answer = await put('odoo:8', { version: 0, lines: [{ sku: '', quantity: -1 }] });
    expect(answer.status).toBe(400);
    expect(answer.body['problems']).toEqual(
      expect.arrayContaining([
        'version: must be an integer of at least 1',
        'lines[0].sku: is required',
      ]) as unknown,
    );
  });
});

describe('outbound messages', () => {
  const sent = (): unknown[] => ferry.received.map((r) => JSON.parse(r.rawBody) as unknown);

  it('sends inventory snapshots in the wms-adapter’s shape, with a version per sku and location', async () => {
    wms.setStock({ sku: 'DESK-1', onHand: 5, reserved: 1 });
    wms.setStock({ sku: 'DESK-1', onHand: 7 });
    await wms.deliveriesIdle();
    expect(ferry.received.map((r) => r.path)).toEqual([
      '/v1/inventory-levels',
      '/v1/inventory-levels',
    ]);
    expect(sent()).toEqual([
      expect.objectContaining({
        sku: 'DESK-1',
        location: 'WH/Stock',
        onHand: 5,
        reserved: 1,
        available: 4,
        version: 1,
        unit: 'unit',
        inTransit: 0,
      }),
      expect.objectContaining({ onHand: 7, reserved: 1, version: 2 }),
    ]);
  });

  it('sends a batch as { snapshots: [...] }', async () => {
    const a = wms.setStock({ sku: 'A', onHand: 1 }, { send: false });
    const b = wms.setStock({ sku: 'B', onHand: 2 }, { send: false });
    wms.sendInventory([a, b], { batch: true });
    await wms.deliveriesIdle();
    expect(sent()).toEqual([{ snapshots: [a, b] }]);
  });

  it('receives goods against an expected receipt: a goods receipt, then the new stock level', async () => {
    await put('odoo:7', receipt(1, 10));
    const { receipt: goods } = wms.receiveGoods('odoo:7');
    await wms.deliveriesIdle();
    expect(ferry.received.map((r) => r.path)).toEqual([
      '/v1/goods-receipts',
      '/v1/inventory-levels',
    ]);
    expect(sent()[0]).toEqual(goods);
    expect(goods).toEqual({
      receiptId: 'GR-00001',
      purchaseOrderId: 'odoo:7',
      warehouse: 'WH',
      lines: [
        {
          sku: 'DESK-1',
          quantity: 10,
          unit: 'unit',
          location: 'WH/Stock',
          purchaseOrderLineId: '1',
        },
      ],
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      version: 1,
    });
    expect(sent()[1]).toMatchObject({ sku: 'DESK-1', onHand: 10, version: 1 });
  });

  it('sends shipment status updates in the adapter’s shape, stale ones included', async () => {
    wms.updateShipment({ shipmentId: 'SH-1', orderId: 'S00001', status: 'PACKED' });
    wms.updateShipment({
      shipmentId: 'SH-1',
      orderId: 'S00001',
      status: 'SHIPPED',
      carrier: 'DHL',
      trackingNumber: '123',
    });
    wms.updateShipment({
      shipmentId: 'SH-1',
      orderId: 'S00001',
      status: 'PICKED',
      statusAt: '2025-01-01T00:00:00.000Z',
    });
    await wms.deliveriesIdle();
    expect(ferry.received.map((r) => r.path)).toEqual(Array(3).fill('/v1/shipment-status'));
    expect(sent()).toEqual([
      {
        shipmentId: 'SH-1',
        orderId: 'S00001',
        status: 'PACKED',
        statusAt: expect.any(String) as unknown,
      },
      expect.objectContaining({ status: 'SHIPPED', carrier: 'DHL', trackingNumber: '123' }),
      expect.objectContaining({ status: 'PICKED', statusAt: '2025-01-01T00:00:00.000Z' }),
    ]);
  });

  it('sends duplicates and out-of-order updates when told to', async () => {
    wms.setDeliveryFaults({ duplicateEvery: 3, reorderWindow: 3 });
    for (const onHand of [1, 2, 3]) wms.setStock({ sku: 'A', onHand });
    await wms.deliveriesIdle();
    expect(sent().map((s) => (s as InventorySnapshot).version)).toEqual([3, 3, 2, 1]);
  });

  it('bursts many concurrent requests and returns the final state as the oracle', async () => {
    const finals = await wms.burstInventory({ count: 60, skus: ['A', 'B', 'C'], concurrency: 20 });
    expect(ferry.received).toHaveLength(60);
    expect(finals.map((s) => [s.sku, s.version])).toEqual([
      ['A', 20],
      ['B', 20],
      ['C', 20],
    ]);
  });

  it('retries failed deliveries when configured to', async () => {
    await wms.stop();
    wms = await startWmsSimulator({ targetUrl: ferry.url, maxAttempts: 3 });
    let calls = 0;
    ferry.respondWith(() => (++calls < 3 ? 503 : 202));
    wms.setStock({ sku: 'A', onHand: 1 });
    await wms.deliveriesIdle();
    expect(wms.deliveries().map((d) => d.status)).toEqual([503, 503, 202]);
  });
});
