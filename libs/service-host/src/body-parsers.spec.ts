import { bodyParserRefusal } from './body-parsers';

/** A refusal as body-parser raises it (http-errors with a `type`). */
function parserError(type: string, status: number): Error {
  return Object.assign(new Error(type), { type, status });
}

describe('body parser refusals', () => {
  it.each([
    ['entity.parse.failed', 400, 400, 'malformed_json'],
    ['entity.too.large', 413, 413, 'body_too_large'],
    ['encoding.unsupported', 415, 415, 'unsupported_encoding'],
    ['charset.unsupported', 415, 415, 'unsupported_encoding'],
    ['request.size.invalid', 400, 400, 'unreadable_body'],
    ['request.aborted', 400, 400, 'unreadable_body'],
  ])('answers %s with %i as %i %s', (type, parserStatus, status, error) => {
    const refusal = bodyParserRefusal(parserError(type, parserStatus));
    expect([refusal?.getStatus(), refusal?.getResponse()]).toEqual([
      status,
      { error, message: expect.any(String) as unknown },
    ]);
  });

  it('leaves alone what no body parser refused', () => {
    expect(bodyParserRefusal(new Error('boom'))).toBeUndefined();
    expect(bodyParserRefusal(parserError('stream.not.readable', 500))).toBeUndefined();
    expect(bodyParserRefusal('text')).toBeUndefined();
  });
});
