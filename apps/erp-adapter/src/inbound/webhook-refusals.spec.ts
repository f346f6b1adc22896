import { rejectionRefusal, verdictRefusal } from './webhook-refusals';

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
});
