import { lastLines } from './log-file';

describe('lastLines', () => {
  it('keeps the last lines and ignores the final newline', () => {
    expect(lastLines('a\nb\nc\n', 2)).toEqual(['b', 'c']);
    expect(lastLines('a\r\nb', 5)).toEqual(['a', 'b']);
    expect(lastLines('', 3)).toEqual([]);
  });
});
