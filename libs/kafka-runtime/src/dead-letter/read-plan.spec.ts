import { isReadComplete, isWanted, planDeadLetterRead } from './read-plan';

const offsets = [
  { partition: 0, low: '0', high: '3' },
  { partition: 1, low: '5', high: '5' },
  { partition: 2, low: '2', high: '10' },
];

describe('planDeadLetterRead', () => {
  it('reads every non-empty partition up to the end it has now', () => {
    expect(planDeadLetterRead(offsets)).toEqual([
      { partition: 0, from: 0n, to: 2n },
      { partition: 2, from: 2n, to: 9n },
    ]);
  });

  it('reads only the record at a position, if it still exists', () => {
    expect(planDeadLetterRead(offsets, { partition: 2, offset: '7' })).toEqual([
      { partition: 2, from: 7n, to: 7n },
    ]);
    expect(planDeadLetterRead(offsets, { partition: 2, offset: '1' })).toEqual([]);
    expect(planDeadLetterRead(offsets, { partition: 2, offset: '10' })).toEqual([]);
    expect(planDeadLetterRead(offsets, { partition: 9, offset: '0' })).toEqual([]);
  });
});

describe('read progress', () => {
  const reads = planDeadLetterRead(offsets);

  it('wants only the planned offsets', () => {
    expect(isWanted(reads, 0, '2')).toBe(true);
    expect(isWanted(reads, 0, '3')).toBe(false);
    expect(isWanted(reads, 1, '5')).toBe(false);
  });

  it('is complete once every planned partition reached its last offset', () => {
    expect(isReadComplete(reads, new Map([[0, 2n]]))).toBe(false);
    expect(
      isReadComplete(
        reads,
        new Map([
          [0, 2n],
          [2, 12n],
        ]),
      ),
    ).toBe(true);
    expect(isReadComplete([], new Map())).toBe(true);
  });
});
