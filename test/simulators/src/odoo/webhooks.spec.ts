import { startCaptureServer, type CaptureServer } from '../http/capture-server';
import { verifySignature, type SigningOptions } from '../http/signing';
import { startOdooSimulator, type OdooSimulator } from './odoo-simulator';

const signing: SigningOptions = { secret: 'webhook-secret' };
let ferry: CaptureServer;
let odoo: OdooSimulator;

beforeEach(async () => {
  ferry = await startCaptureServer();
  odoo = await startOdooSimulator({
    signing,
    webhooks: [
      {
        model: 'purchase.order',
        url: `${ferry.url}/webhooks/odoo`,
        name: 'Notify Ferry',
        fields: ['state', 'write_date'],
      },
    ],
  });
});

afterEach(async () => {
  await odoo.stop();
  await ferry.stop();
});

const headersOf = (index: number): Record<string, string | undefined> => {
  const headers = ferry.received[index]?.headers ?? {};
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
  );
};
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const bodies = (): Record<string, unknown>[] =>
  ferry.received.map((r) => JSON.parse(r.rawBody) as Record<string, unknown>);

function newOrder(): number {
  const [vendor = 0] = odoo.seed('res.partner', { name: 'Vendor' });
  return odoo.create('purchase.order', { partner_id: vendor });
}

describe('webhooks', () => {
  it('posts Odoo’s payload, serialized like Python, signed over "<timestamp>.<raw body>"', async () => {
    const id = newOrder();
    await odoo.webhooksIdle();
    expect(ferry.received).toHaveLength(1);
    const [request] = ferry.received;
    expect(request?.rawBody).toMatch(
      /^\{"_action": "Notify Ferry\(#\d+\)", "_id": 1, "_model": "purchase.order", "id": 1, "state": "draft", "write_date": "\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"\}$/,
    );
    expect(bodies()[0]).toMatchObject({ _model: 'purchase.order', _id: id, state: 'draft' });
    expect(headersOf(0)['x-ferry-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(signing, request?.rawBody ?? '', headersOf(0), nowSeconds())).toBe(true);
  });

  it('does not notify for seeded records, nor for models without a rule', async () => {
    odoo.seed('purchase.order', { partner_id: odoo.seed('res.partner', { name: 'V' })[0] });
    odoo.create('res.partner', { name: 'Other' });
    await odoo.webhooksIdle();
    expect(ferry.received).toHaveLength(0);
  });

  it('notifies on writes, and once per record per transaction', async () => {
    const id = newOrder();
    odoo.call('purchase.order', 'button_confirm', [id]);
    await odoo.webhooksIdle();
    expect(bodies().map((b) => b['state'])).toEqual(['draft', 'purchase']);
  });

  it('drops every n-th delivery, so a poller has to catch up', async () => {
    odoo.setWebhookFaults({ dropEvery: 2 });
    const id = newOrder();
    odoo.write('purchase.order', [id], { partner_ref: 'A' });
    odoo.write('purchase.order', [id], { partner_ref: 'B' });
    await odoo.webhooksIdle();
    expect(ferry.received).toHaveLength(2);
    expect(odoo.webhookDeliveries().filter((d) => d.outcome === 'dropped')).toHaveLength(1);
  });

  it('duplicates deliveries byte for byte', async () => {
    odoo.setWebhookFaults({ duplicateEvery: 1 });
    newOrder();
    await odoo.webhooksIdle();
    expect(ferry.received).toHaveLength(2);
    expect(ferry.received[1]?.rawBody).toBe(ferry.received[0]?.rawBody);
    expect(headersOf(1)['x-ferry-signature']).toBe(headersOf(0)['x-ferry-signature']);
  });

  it('delivers out of order within the reorder window', async () => {
    odoo.setWebhookFaults({ reorderWindow: 3 });
    const id = newOrder();
    odoo.write('purchase.order', [id], { state: 'sent' });
    odoo.write('purchase.order', [id], { state: 'purchase' });
    await odoo.webhooksIdle();
    expect(bodies().map((b) => b['state'])).toEqual(['purchase', 'sent', 'draft']);
  });

  it('can send unsigned, badly signed and stale deliveries', async () => {
    odoo.setWebhookFaults({ signature: 'missing' });
    const id = newOrder();
    await odoo.webhooksIdle();
    odoo.setWebhookFaults({ signature: 'invalid' });
    odoo.write('purchase.order', [id], { partner_ref: 'x' });
    await odoo.webhooksIdle();
    odoo.setWebhookFaults({ timestampSkewSeconds: -3600 });
    odoo.write('purchase.order', [id], { partner_ref: 'y' });
    await odoo.webhooksIdle();
    expect(headersOf(0)['x-ferry-signature']).toBeUndefined();
    expect(
      verifySignature(signing, ferry.received[1]?.rawBody ?? '', headersOf(1), nowSeconds()),
    ).toBe(false);
    expect(Number(headersOf(2)['x-ferry-timestamp'])).toBeLessThan(nowSeconds() - 3000);
    expect(
      verifySignature(signing, ferry.received[2]?.rawBody ?? '', headersOf(2), nowSeconds()),
    ).toBe(false);
    expect(
      verifySignature(signing, ferry.received[2]?.rawBody ?? '', headersOf(2), nowSeconds() - 3600),
    ).toBe(true);
  });

  it('gives up after one attempt when the receiver is down or slow (1 s timeout, no retry)', async () => {
    ferry.respondWith(503);
    newOrder();
    await odoo.webhooksIdle();
    expect(ferry.received).toHaveLength(1);
    expect(odoo.webhookDeliveries()).toEqual([
      expect.objectContaining({ outcome: 'failed', status: 503, attempt: 1 }),
    ]);
  });

  it('uses configurable header names and scheme', async () => {
    await odoo.stop();
    const custom: SigningOptions = { secret: 's', signatureHeader: 'X-Signature', scheme: 'body' };
    odoo = await startOdooSimulator({
      signing: custom,
      webhooks: [{ model: 'res.partner', url: ferry.url }],
    });
    odoo.create('res.partner', { name: 'A' });
    await odoo.webhooksIdle();
    expect(headersOf(0)['x-signature']).toMatch(/^sha256=/);
    expect(headersOf(0)['x-ferry-timestamp']).toBeUndefined();
    expect(verifySignature(custom, ferry.received[0]?.rawBody ?? '', headersOf(0), 0)).toBe(true);
    expect(bodies()[0]).toEqual({
      _model: 'res.partner',
      _id: 1,
      _action: expect.stringMatching(/^Ferry res.partner\(#\d+\)$/) as unknown,
    });
  });
});
