import { MALFORMED_JSON_FORMS as FORMS } from './fuzz-case';
import { isUnparsable, malformedJsonText } from './malformed-json';

const json = JSON.stringify({ sku: 'SKU-1', onHand: 3, lines: [{ quantity: 1 }] });

describe('malformedJsonText', () => {
  it.each(FORMS.filter(isUnparsable))('makes text no JSON parser accepts: %s', (how) => {
    for (const at of [0, 0.5, 1]) {
      const text = malformedJsonText(json, how, at);
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    }
  });

  it('counts an empty body and a byte order mark as readable', () => {
    expect(FORMS.filter((how) => !isUnparsable(how))).toEqual(['bom', 'empty']);
  });
});
