import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseRequestBody, requestText } from './request-validation';

const Schema = z.object({ sku: requestText().trim().min(1), note: requestText().optional() });
const what = { error: 'invalid_thing', noun: 'thing' };

function refusalOf(parse: () => unknown): BadRequestException {
  try {
    parse();
  } catch (error: unknown) {
    if (error instanceof BadRequestException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function problemsOf(body: unknown): unknown {
  const refusal = refusalOf(() => parseRequestBody(Schema, body, what));
  return (refusal.getResponse() as { problems: unknown }).problems;
}

describe('request text', () => {
  it('refuses U+0000 naming the field', () => {
    expect(problemsOf({ sku: 'A\u0000B' })).toEqual(['sku: must not contain U+0000 (NUL)']);
  });

  it('refuses a lone surrogate naming the field', () => {
    expect(problemsOf({ sku: 'A', note: 'x\ud800' })).toEqual([
      'note: must be well-formed Unicode (holds a lone surrogate)',
    ]);
  });

  it('keeps the other checks of the field', () => {
    expect(problemsOf({ sku: '  ' })).toEqual([expect.stringMatching(/^sku: /)]);
    expect(problemsOf({ sku: 7 })).toEqual([expect.stringMatching(/^sku: /)]);
  });

  it('takes text with pairs and other characters as it is', () => {
    expect(parseRequestBody(Schema, { sku: ' Zürich 😀 ' }, what)).toEqual({ sku: 'Zürich 😀' });
  });

  it('answers 400 with the endpoint error and every problem', () => {
    const refusal = refusalOf(() => parseRequestBody(Schema, { sku: '\u0000' }, what));
    expect([refusal.getStatus(), refusal.getResponse()]).toEqual([
      400,
      {
        error: 'invalid_thing',
        message: 'Invalid thing: sku: must not contain U+0000 (NUL)',
        problems: ['sku: must not contain U+0000 (NUL)'],
      },
    ]);
  });
});
