import { applyPartitionsConcurrently, partitionBatches } from './partition-streams';

describe('partitionBatches', () => {
  it('keeps each partition’s events in order and cuts them into batches', () => {
    const batches = partitionBatches([1, 2, 3, 4, 5, 6, 7], 2, (n) => n % 2, 2);
    expect(batches).toEqual([
      [[2, 4], [6]],
      [
        [1, 3],
        [5, 7],
      ],
    ]);
  });

  it('refuses a partition outside the topic', () => {
    expect(() => partitionBatches([1], 1, () => 1, 10)).toThrow(RangeError);
  });
});

describe('applyPartitionsConcurrently', () => {
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('applies every batch once, in order within a partition', async () => {
    const seen: string[] = [];
    await applyPartitionsConcurrently(
      [
        [['a1'], ['a2'], ['a3']],
        [['b1'], ['b2']],
      ],
      2,
      async (batch) => {
        await tick();
        seen.push(...batch);
      },
    );
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(seen.filter((s) => s.startsWith('b'))).toEqual(['b1', 'b2']);
  });

  it('never runs more than `concurrency` batches, nor two of one partition, at once', async () => {
    let running = 0;
    let most = 0;
    const busy = new Set<number>();
    const partitions = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => [0]));
    await applyPartitionsConcurrently(partitions, 3, async (_batch, partition) => {
      expect(busy.has(partition)).toBe(false);
      busy.add(partition);
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      busy.delete(partition);
    });
    expect(most).toBe(3);
  });
});
