import { textProblem } from './storable-text';

/** Node's own answer (ES2024), which TypeScript's ES2023 library does not declare. */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

describe('storable text', () => {
  it('refuses U+0000 wherever it stands', () => {
    for (const text of ['\u0000', 'SKU\u0000', '\u0000SKU', 'A\u0000B'])
      expect(textProblem(text)).toBe('must not contain U+0000 (NUL)');
  });

  it('agrees with String.prototype.isWellFormed on surrogates', () => {
    const samples = [
      '',
      'plain',
      'Zürich',
      '😀',
      'a😀b',
      '\ud800',
      '\udfff',
      'x\ud83d',
      '\ude00x',
      '\ude00\ud83d',
      '😀\ud83d',
      '\ud83d\ud83d\ude00',
    ];
    for (const text of samples)
      expect([text, textProblem(text) === undefined]).toEqual([text, isWellFormed(text)]);
  });

  it('takes other control characters, which Postgres and UTF-8 hold', () => {
    expect(textProblem('tab\there\u001f\u007f')).toBeUndefined();
  });
});
