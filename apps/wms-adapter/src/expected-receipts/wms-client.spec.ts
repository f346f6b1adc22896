import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderMetrics } from '@ferry/observability';
import { sampleValue } from '@ferry/test-support';
import type { ExpectedReceiptBody } from './expected-receipt';
import { WmsClient, WmsHttpError } from './wms-client';

const body: ExpectedReceiptBody = {
  version: 1,
  purchaseOrderRef: 'PO-1',
  supplier: 'Acme',
  destination: 'WH',
  status: 'open',
  lines: [{ lineId: '1', sku: 'SKU-1', quantity: 3, unit: 'unit' }],
};

/** The value of one series (a histogram's `_count`, say) in the registry's text. */
async function series(name: string, labels: Record<string, string>): Promise<number> {
  return sampleValue((await renderMetrics()).body, name, labels);
}

describe('WmsClient', () => {
  let server: Server;
  let url: string;
  let status = 200;

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'x-wms-outcome': 'stored' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('measures each expected-receipt.put with its outcome, and counts failures by kind', async () => {
    const client = new WmsClient(url, 2000);
    status = 200;
    await expect(client.putExpectedReceipt('po-1', body, 'event-1')).resolves.toBe('stored');
    status = 503;
    await expect(client.putExpectedReceipt('po-1', body, 'event-2')).rejects.toThrow(WmsHttpError);
    await expect(
      new WmsClient('http://127.0.0.1:1', 2000).putExpectedReceipt('po-1', body, 'event-3'),
    ).rejects.toThrow(/unreachable/);

    const duration = 'ferry_downstream_call_duration_seconds';
    const call = { system: 'wms', operation: 'expected-receipt.put' };
    expect(await series(`${duration}_count`, { ...call, outcome: 'ok' })).toBe(1);
    expect(await series(`${duration}_count`, { ...call, outcome: 'error' })).toBe(2);
    expect(await series(`${duration}_sum`, { ...call, outcome: 'ok' })).toBeGreaterThan(0);
    const failures = 'ferry_downstream_call_failures_total';
    expect(await series(failures, { ...call, kind: 'unavailable' })).toBe(2);
  });
});
