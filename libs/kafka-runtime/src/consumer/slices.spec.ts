import { firstDeliveries, slices } from './slices';

describe('slices', () => {
  it('splits into consecutive slices, the last one shorter', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('refuses a size below one', () => {
    expect(() => slices([1], 0)).toThrow(RangeError);
  });
});

describe('firstDeliveries', () => {
  it('keeps one copy of each fresh id and drops ids already processed', () => {
    const events = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'a', n: 3 },
      { id: 'c', n: 4 },
    ];
    expect(firstDeliveries(events, (e) => e.id, new Set(['a', 'c']))).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 4 },
    ]);
  });
});
