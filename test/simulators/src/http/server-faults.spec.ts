import { startOdooSimulator, type OdooSimulator } from '../odoo/odoo-simulator';
import { startWmsSimulator } from '../wms/wms-simulator';

let odoo: OdooSimulator;

beforeEach(async () => {
  odoo = await startOdooSimulator();
});

afterEach(async () => {
  await odoo.stop();
});

const version = (): Promise<Response> => fetch(`${odoo.url}/web/version`);

async function setFaultOverHttp(base: string, fault: unknown): Promise<number> {
  const response = await fetch(`${base}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('fault injection', () => {
  it('goes down for real (connection refused) and comes back on the same port', async () => {
    const port = odoo.port;
    expect((await version()).status).toBe(200);
    await odoo.setFault({ mode: 'down' });
    await expect(version()).rejects.toMatchObject({
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }) as unknown,
    });
    await odoo.setFault({ mode: 'ok' });
    expect(odoo.port).toBe(port);
    expect((await version()).status).toBe(200);
  });

  it('is set over HTTP, and lifted over the admin port while down', async () => {
    expect(await setFaultOverHttp(odoo.url, { mode: 'down' })).toBe(200);
    await expect(version()).rejects.toThrow();
    const health = (await (await fetch(`${odoo.adminUrl}/__sim/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({ up: false, fault: { mode: 'down' } });
    expect(await setFaultOverHttp(odoo.adminUrl, { mode: 'ok' })).toBe(200);
    expect((await version()).status).toBe(200);
  });

  it('comes back by itself after forMs', async () => {
    await odoo.setFault({ mode: 'down', forMs: 100 });
    await expect(version()).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await version()).status).toBe(200);
  });

  it('adds latency when slow', async () => {
    await odoo.setFault({ mode: 'slow', latencyMs: 300 });
    const started = Date.now();
    expect((await version()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers 429 with Retry-After beyond the rate limit, and records the rejected requests', async () => {
    await odoo.setFault({ mode: 'rate-limited', limit: 2, windowMs: 10_000 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await version());
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(odoo.requests().map((r) => r.outcome)).toEqual(['handled', 'handled', 'rejected']);
  });

  it('fails every n-th request with a 5xx', async () => {
    await odoo.setFault({ mode: 'failing', everyN: 2, status: 502 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await version()).status);
    expect(statuses).toEqual([200, 502, 200, 502]);
  });

  it('rejects an unknown fault over HTTP', async () => {
    expect(await setFaultOverHttp(odoo.url, { mode: 'sideways' })).toBe(400);
  });

  it('applies the same faults to the WMS simulator', async () => {
    const wms = await startWmsSimulator();
    try {
      await wms.setFault({ mode: 'failing' });
      const response = await fetch(`${wms.url}/api/expected-receipts`);
      expect(response.status).toBe(503);
      await wms.setFault({ mode: 'down' });
      await expect(fetch(`${wms.url}/api/expected-receipts`)).rejects.toThrow();
    } finally {
      await wms.stop();
    }
  });
});
