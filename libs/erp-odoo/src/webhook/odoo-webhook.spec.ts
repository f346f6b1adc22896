import { readOdooWebhook } from './odoo-webhook';

const headers = { 'x-ferry-timestamp': '1767225600' };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('readOdooWebhook', () => {
  it('reads an automation rule payload as a change notice', () => {
    const reading = readOdooWebhook(
      json({
        _model: 'purchase.order',
        _id: 42,
        _action: 'Notify Ferry(#7)',
        write_date: '2026-03-01 10:15:00',
        state: 'purchase',
      }),
      headers,
    );
    expect(reading).toEqual({
      kind: 'accepted',
      notices: [
        {
          entity: 'purchaseOrder',
          model: 'purchase.order',
          recordId: '42',
          changedAt: Date.parse('2026-03-01T10:15:00Z'),
          deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        },
      ],
    });
  });

  it('maps account.move to invoices and accepts write_date with microseconds', () => {
    const reading = readOdooWebhook(
      json({ _model: 'account.move', _id: 3, write_date: '2026-03-01 10:15:00.250000' }),
      headers,
    );
    expect(reading.kind === 'accepted' && reading.notices[0]).toMatchObject({
      entity: 'invoice',
      changedAt: Date.parse('2026-03-01T10:15:00.250Z'),
    });
  });

  it('refuses a model Ferry does not carry with a typed rejection', () => {
    expect(readOdooWebhook(json({ _model: 'res.partner', _id: 1 }), headers)).toEqual({
      kind: 'unknown-model',
      model: 'res.partner',
    });
  });

  it('refuses a model of an entity the ERP does not own as not-owner, naming the entity', () => {
    expect(readOdooWebhook(json({ _model: 'stock.quant', _id: 9 }), headers)).toEqual({
      kind: 'not-owner',
      model: 'stock.quant',
      entity: 'inventoryLevel',
    });
  });

  it.each([
    ['not JSON', Buffer.from('{nope')],
    ['no _model', json({ _id: 1 })],
    ['a non-integer _id', json({ _model: 'purchase.order', _id: '1' })],
    ['a bad write_date', json({ _model: 'purchase.order', _id: 1, write_date: 'yesterday' })],
  ])('calls a body with %s invalid', (_name, body) => {
    expect(readOdooWebhook(body, headers).kind).toBe('invalid');
  });

  it('gives the same change the same delivery id, however often it is delivered', () => {
    const change = { _model: 'purchase.order', _id: 42, write_date: '2026-03-01 10:15:00' };
    const first = readOdooWebhook(json({ ...change, _action: 'A(#1)' }), headers);
    const again = readOdooWebhook(json({ ...change, _action: 'B(#2)' }), {
      'x-ferry-timestamp': '1767225999',
    });
    const later = readOdooWebhook(json({ ...change, write_date: '2026-03-01 10:15:01' }), headers);
    const id = (r: typeof first) => (r.kind === 'accepted' ? r.notices[0]?.deliveryId : undefined);
    expect(id(again)).toBe(id(first));
    expect(id(later)).not.toBe(id(first));
  });

  it('without write_date, tells a replay from a later change by the signed timestamp', () => {
    const body = json({ _model: 'purchase.order', _id: 42 });
    const id = (h: Record<string, string>) => {
      const r = readOdooWebhook(body, h);
      return r.kind === 'accepted' ? r.notices[0]?.deliveryId : undefined;
    };
    expect(id(headers)).toBe(id({ ...headers }));
    expect(id({ 'x-ferry-timestamp': '1767225601' })).not.toBe(id(headers));
  });
});
