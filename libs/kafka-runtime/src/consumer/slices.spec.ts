import { firstDeliveries, slices } from './slices';

describe('slices', () => {
  it('splits into the fewest consecutive slices of at most the size, as even as they can be', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1], [2, 3], [4, 5]]);
    expect(slices([1, 2, 3, 4, 5, 6, 7], 6)).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(slices([1, 2, 3, 4], 4)).toEqual([[1, 2, 3, 4]]);
    expect(slices([], 3)).toEqual([]);
  });

  it('cuts a fetch of 3,300 records at 3,000 into two of 1,650', () => {
    const sizes = slices(
      Array.from({ length: 3_300 }, (_, i) => i),
      3_000,
    ).map((s) => s.length);
    expect(sizes).toEqual([1_650, 1_650]);
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
