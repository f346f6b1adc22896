import { classifyFailure } from '@ferry/failures';
import { renderMetrics } from '@ferry/observability';
import { sampleValue } from '@ferry/test-support';
import {
  OdooDataError,
  OdooHttpError,
  OdooProtocolError,
  OdooServerError,
  OdooUnreachableError,
} from './errors';
import { odooOperation } from './call-metrics';
import { Json2Client } from './json2-client';

describe('odooOperation', () => {
  it('names a call by model and method', () => {
    expect(odooOperation({ model: 'sale.order', method: 'create' })).toBe('sale.order.create');
    expect(odooOperation({ model: 'stock.quant', method: 'action_apply_inventory' })).toBe(
      'stock.quant.action_apply_inventory',
    );
  });

  it('labels a model or method Ferry does not call as other, so the labels stay bounded', () => {
    expect(odooOperation({ model: 'res.users', method: 'read' })).toBe('other');
    expect(odooOperation({ model: 'sale.order', method: 'unlink' })).toBe('other');
    expect(odooOperation({ model: 'x'.repeat(200), method: 'create' })).toBe('other');
  });
});

describe('the kind of a failed Odoo call', () => {
  it.each([
    ['unreachable', new OdooUnreachableError('down', 'ECONNREFUSED'), 'unavailable'],
    ['rate limited', new OdooHttpError('slow down', 429, 1000), 'unavailable'],
    ['a gateway error', new OdooHttpError('bad gateway', 502, undefined), 'unavailable'],
    ['a server error', new OdooServerError('odoo.exceptions.ServerError', 'x', 500), 'transient'],
    [
      'a concurrent update',
      new OdooServerError('psycopg2.OperationalError', 'x', 409),
      'transient',
    ],
    ['an access error', new OdooServerError('odoo.exceptions.AccessError', 'x', 403), 'permanent'],
    ['a proxy page', new OdooProtocolError('not JSON'), 'transient'],
    ['an unexpected answer', new OdooDataError('bad answer'), 'permanent'],
    ['a bug', new TypeError('x is undefined'), 'programmer'],
  ] as const)('reads %s', (_what, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('a measured Odoo call', () => {
  const client = (answer: () => Promise<Response>) =>
    new Json2Client(
      {
        url: 'http://odoo.test',
        database: undefined,
        apiKey: 'k',
        timeoutMs: 1000,
        userAgent: 'x',
      },
      answer,
    );

  const series = async (name: string, labels: Record<string, string>) =>
    sampleValue((await renderMetrics()).body, name, labels);

  it('is observed with its operation and outcome, and a failure counted by its kind', async () => {
    const ok = client(() => Promise.resolve(Response.json([{ id: 1 }])));
    await ok.call({ model: 'res.partner', method: 'search_read', params: { domain: [] } });
    const refused = client(() =>
      Promise.resolve(Response.json({ name: 'odoo.exceptions.ValidationError' }, { status: 422 })),
    );
    await expect(refused.call({ model: 'sale.order', method: 'create' })).rejects.toThrow(
      OdooServerError,
    );

    const duration = 'ferry_downstream_call_duration_seconds_count';
    expect(
      await series(duration, {
        system: 'erp',
        operation: 'res.partner.search_read',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      await series(duration, { system: 'erp', operation: 'sale.order.create', outcome: 'error' }),
    ).toBe(1);
    expect(
      await series('ferry_downstream_call_failures_total', {
        system: 'erp',
        operation: 'sale.order.create',
        kind: 'permanent',
      }),
    ).toBe(1);
  });
});
