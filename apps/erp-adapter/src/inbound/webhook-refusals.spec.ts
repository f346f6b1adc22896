import { bodyRefusal, rejectionRefusal, verdictRefusal } from './webhook-refusals';

describe('webhook refusals', () => {
  it.each([
    [{ kind: 'unsigned', missing: 'X-Ferry-Signature' } as const, 401, 'unsigned'],
    [{ kind: 'bad-signature' } as const, 401, 'bad_signature'],
    [{ kind: 'stale', timestamp: 1, skewSeconds: 3600 } as const, 401, 'stale'],
    [{ kind: 'malformed', reason: 'repeated' } as const, 400, 'malformed_signature'],
  ])('answers verdict %o with %i %s', (verdict, status, error) => {
    expect(verdictRefusal(verdict)).toMatchObject({ status, error });
  });

  it('answers an unknown model with 422 naming it', () => {
    expect(rejectionRefusal({ kind: 'unknown-model', model: 'res.partner' })).toMatchObject({
      status: 422,
      error: 'unknown_model',
      message: expect.stringContaining('res.partner') as unknown,
    });
  });

  it('answers an invalid body with 400 and every problem', () => {
    expect(rejectionRefusal({ kind: 'invalid', problems: ['_id: must be an integer'] })).toEqual({
      status: 400,
      error: 'invalid_webhook',
      message: 'Invalid Odoo webhook: _id: must be an integer',
      problems: ['_id: must be an integer'],
    });
  });

  it('takes a JSON body sent as JSON', () => {
    const json = Buffer.from('{"_model":"purchase.order","_id":7}');
    expect(bodyRefusal('application/json', json)).toBeUndefined();
    expect(bodyRefusal('Application/JSON; charset=utf-8', json)).toBeUndefined();
  });

  it.each([
    ['cut off', Buffer.from('{"_model":')],
    ['empty', Buffer.alloc(0)],
    ['not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
  ])('answers a signed body that is %s with 400 malformed_json, counted', (_what, rawBody) => {
    expect(bodyRefusal('application/json', rawBody)).toMatchObject({
      status: 400,
      error: 'malformed_json',
      outcome: 'malformed-json',
    });
  });

  it('answers a JSON body declared in another charset than UTF-8 with 415 unsupported_encoding', () => {
    for (const contentType of [
      'application/json; charset=latin1',
      'application/json;charset="UTF-16"',
    ])
      expect(bodyRefusal(contentType, Buffer.from('{}'))).toMatchObject({
        status: 415,
        error: 'unsupported_encoding',
        outcome: 'unsupported-encoding',
      });
    expect(bodyRefusal('application/json; charset="utf8"', Buffer.from('{}'))).toBeUndefined();
  });

  it('answers a body not sent as JSON with 415', () => {
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded'])
      expect(bodyRefusal(contentType, Buffer.from('{}'))).toMatchObject({
        status: 415,
        error: 'unsupported_media_type',
        outcome: 'unsupported-media-type',
      });
  });
});
