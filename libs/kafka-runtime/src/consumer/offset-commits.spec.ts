import { silentLogger } from '@ferry/observability';
import {
  COMMIT_RETRY_MS,
  COMMIT_SPACING_MS,
  OffsetCommits,
  type PartitionOffset,
} from './offset-commits';

/** A commit whose requests the test answers one by one. */
function controlledCommit() {
  const requests: { offsets: PartitionOffset[]; answer: (error?: Error) => void }[] = [];
  const commit = (offsets: PartitionOffset[]) =>
    new Promise<void>((resolve, reject) => {
      requests.push({
        offsets,
        answer: (error) => {
          if (error) reject(error);
          else resolve();
        },
      });
    });
  return { requests, commit };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OffsetCommits', () => {
  it('sends one past the last applied offset at once, without waiting for the caller', () => {
    const { requests, commit } = controlledCommit();
    const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
    commits.applied('t', 0, '41');
    expect(requests.map((r) => r.offsets)).toEqual([[{ topic: 't', partition: 0, offset: '42' }]]);
  });

  it('keeps one request in flight and sends the newest offset per partition after it', async () => {
    const { requests, commit } = controlledCommit();
    const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
    commits.applied('t', 0, '9');
    commits.applied('t', 0, '19');
    commits.applied('t', 1, '4');
    commits.applied('t', 0, '29');
    expect(requests).toHaveLength(1);
    requests[0]?.answer();
    await settle();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.offsets).toEqual([
      { topic: 't', partition: 0, offset: '30' },
      { topic: 't', partition: 1, offset: '5' },
    ]);
    requests[1]?.answer();
    await commits.flush();
    expect(commits.waiting()).toBe(false);
  });

  it('keeps the offsets of a failed commit for the next one unless a newer one came', async () => {
    const { requests, commit } = controlledCommit();
    const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
    commits.applied('t', 0, '19');
    commits.applied('t', 1, '19');
    commits.applied('t', 0, '29');
    expect(requests[0]?.offsets).toEqual([{ topic: 't', partition: 0, offset: '20' }]);
    requests[0]?.answer(new Error('coordinator not available'));
    await settle();
    expect(requests).toHaveLength(1);
    expect(commits.waiting()).toBe(true);
    const flushed = commits.flush();
    expect(requests[1]?.offsets).toEqual([
      { topic: 't', partition: 1, offset: '20' },
      { topic: 't', partition: 0, offset: '30' },
    ]);
    requests[1]?.answer(new Error('coordinator not available'));
    await expect(flushed).rejects.toThrow('coordinator not available');
    const again = commits.flush();
    expect(requests[2]?.offsets).toEqual(requests[1]?.offsets);
    requests[2]?.answer();
    await again;
    expect(commits.waiting()).toBe(false);
  });

  it('tries a failed commit again by itself, with no slice to carry it', async () => {
    jest.useFakeTimers();
    try {
      const { requests, commit } = controlledCommit();
      const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
      commits.applied('t', 0, '9');
      requests[0]?.answer(new Error('request timed out'));
      await jest.advanceTimersByTimeAsync(COMMIT_RETRY_MS - 1);
      expect(requests).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(requests[1]?.offsets).toEqual([{ topic: 't', partition: 0, offset: '10' }]);
      requests[1]?.answer();
      await jest.advanceTimersByTimeAsync(0);
      expect(commits.waiting()).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('makes flush throw while the commit fails, offsets kept', async () => {
    const { requests, commit } = controlledCommit();
    const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
    commits.applied('t', 0, '9');
    const flushed = commits.flush();
    requests[0]?.answer(new Error('not the coordinator'));
    await expect(flushed).rejects.toThrow('not the coordinator');
    expect(commits.waiting()).toBe(true);
  });

  it('is idle again when the retry finds every offset taken away by a rebalance', async () => {
    jest.useFakeTimers();
    try {
      const { requests, commit } = controlledCommit();
      const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
      commits.applied('t', 0, '9');
      requests[0]?.answer(new Error('rebalance in progress'));
      await jest.advanceTimersByTimeAsync(0);
      commits.keepOnly({ t: [1] });
      await jest.advanceTimersByTimeAsync(COMMIT_RETRY_MS);
      expect(commits.waiting()).toBe(false);
      await commits.flush();
      expect(requests).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops the offsets of partitions a rebalance took away', async () => {
    const { requests, commit } = controlledCommit();
    const commits = new OffsetCommits(commit, 'g', silentLogger, 0, () => Date.now());
    commits.applied('t', 0, '9');
    commits.applied('t', 1, '9');
    commits.applied('t', 2, '9');
    commits.keepOnly({ t: [1] });
    requests[0]?.answer();
    await settle();
    expect(requests[1]?.offsets).toEqual([{ topic: 't', partition: 1, offset: '10' }]);
  });

  it('spaces its requests: what comes meanwhile waits and goes in one', async () => {
    jest.useFakeTimers();
    try {
      const { requests, commit } = controlledCommit();
      const commits = new OffsetCommits(commit, 'g', silentLogger, COMMIT_SPACING_MS, () =>
        Date.now(),
      );
      commits.applied('t', 0, '9');
      requests[0]?.answer();
      await jest.advanceTimersByTimeAsync(50);
      commits.applied('t', 0, '19');
      commits.applied('t', 1, '4');
      await jest.advanceTimersByTimeAsync(COMMIT_SPACING_MS - 51);
      expect(requests).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(requests[1]?.offsets).toEqual([
        { topic: 't', partition: 0, offset: '20' },
        { topic: 't', partition: 1, offset: '5' },
      ]);
      // A flush does not wait for the spacing.
      requests[1]?.answer();
      await jest.advanceTimersByTimeAsync(0);
      commits.applied('t', 0, '29');
      const flushed = commits.flush();
      expect(requests[2]?.offsets).toEqual([{ topic: 't', partition: 0, offset: '30' }]);
      requests[2]?.answer();
      await flushed;
    } finally {
      jest.useRealTimers();
    }
  });
});
