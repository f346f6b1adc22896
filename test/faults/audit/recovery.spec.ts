import { recoveryAfter } from './recovery';

const partitions: Record<string, number> = { a1: 0, a2: 0, b1: 1, b2: 1, c1: 2 };
const partitionOf = (eventId: string): number | undefined => partitions[eventId];

describe('recoveryAfter', () => {
  it('times each partition from the fault to its first application, the slowest one for the case', () => {
    const recovery = recoveryAfter(
      1000,
      [
        { eventId: 'a1', at: 900 },
        { eventId: 'a2', at: 1500 },
        { eventId: 'b1', at: 4000 },
        { eventId: 'b2', at: 3000 },
      ],
      new Set(['a1', 'a2', 'b1', 'b2']),
      partitionOf,
    );
    expect(recovery.recoverMs).toBe(2000);
    expect([...recovery.partitions]).toEqual([
      [0, 500],
      [1, 2000],
    ]);
  });

  it('leaves out a partition that had no work after the fault', () => {
    const recovery = recoveryAfter(
      1000,
      [
        { eventId: 'a1', at: 1200 },
        { eventId: 'c1', at: 500 },
      ],
      new Set(['a1', 'c1']),
      partitionOf,
    );
    expect(recovery.recoverMs).toBe(200);
    expect([...recovery.partitions.keys()]).toEqual([0]);
  });

  it('says never when a partition with unapplied work applied nothing after the fault', () => {
    const recovery = recoveryAfter(
      1000,
      [
        { eventId: 'a1', at: 1200 },
        { eventId: 'b1', at: 800 },
      ],
      new Set(['a1', 'b1', 'b2']),
      partitionOf,
    );
    expect(recovery.recoverMs).toBeUndefined();
    expect(recovery.partitions.get(1)).toBeUndefined();
    expect(recovery.partitions.has(1)).toBe(true);
  });

  it('says never for a partition that applied something after the fault but stopped again', () => {
    const recovery = recoveryAfter(
      1000,
      [
        { eventId: 'a1', at: 1100 },
        { eventId: 'b1', at: 1300 },
      ],
      new Set(['a1', 'b1', 'b2']),
      partitionOf,
    );
    expect(recovery.recoverMs).toBeUndefined();
    expect([...recovery.partitions]).toEqual([
      [0, 100],
      [1, undefined],
    ]);
  });

  it('measures nothing from events whose partition is unknown', () => {
    const recovery = recoveryAfter(
      1000,
      [{ eventId: 'zz', at: 9000 }],
      new Set(['zz']),
      partitionOf,
    );
    expect(recovery.recoverMs).toBeUndefined();
    expect(recovery.partitions.size).toBe(0);
  });
});
