import { CORRELATION_CONTEXT_KEY, correlatedClient, type OdooCall } from './odoo-client';

describe('correlatedClient', () => {
  it('adds the correlation id to the context of every call, keeping the caller’s context', async () => {
    const calls: OdooCall[] = [];
    const client = correlatedClient(
      {
        call: (call) => {
          calls.push(call);
          return Promise.resolve(true);
        },
      },
      'b4c1d0e2-0000-5000-8000-000000000001',
    );
    await client.call({ model: 'sale.order', method: 'create', params: { vals_list: [{}] } });
    await client.call({
      model: 'stock.quant',
      method: 'action_apply_inventory',
      ids: [7],
      context: { inventory_mode: true },
    });
    expect(calls.map((call) => call.context)).toEqual([
      { [CORRELATION_CONTEXT_KEY]: 'b4c1d0e2-0000-5000-8000-000000000001' },
      { inventory_mode: true, [CORRELATION_CONTEXT_KEY]: 'b4c1d0e2-0000-5000-8000-000000000001' },
    ]);
  });
});
