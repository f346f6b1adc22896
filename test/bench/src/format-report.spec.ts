import type { BenchResult } from './bench-result';
import { applyRate, judge } from './figures';
import { formatReport } from './format-report';

const runtime = applyRate(196_000, 8_000);
const bareSql = applyRate(200_000, 4_000);
const naive = applyRate(5_000, 50_000);

const result: BenchResult = {
  benchmark: 'inventory-apply',
  startedAt: '2026-11-23T19:00:00.000Z',
  finishedAt: '2026-11-23T19:01:30.000Z',
  revision: { commit: 'e0c257fde05e0000', uncommittedFiles: 0 },
  parameters: {
    events: 200_000,
    keys: 20_000,
    naiveEvents: 5_000,
    maxBatchSize: 1000,
    partitionsConcurrently: 3,
    projectorHeapMb: 0,
    seed: 1,
    topicPartitions: 6,
    distinctKeys: 20_000,
  },
  machine: {
    cpus: 2,
    cpuModel: 'test',
    memoryMb: 1024,
    node: 'v20.0.0',
    platform: 'linux x64',
    loadAverage: { atStart: 1, atEnd: 2 },
  },
  runtime: {
    ...runtime,
    wallSeconds: 11,
    cpuSeconds: 5,
    peakRssBytes: 180 * 1024 * 1024,
    groupJoins: 1,
    outcomes: { applied: 196_000 },
    env: {},
  },
  bareSql: { ...bareSql, transactions: 200 },
  bareSqlWithDedup: { ...applyRate(200_000, 6_000), transactions: 200 },
  naive: { ...naive, sampleOf: 5_000, partitionsAtOnce: 1 },
  figures: judge({ runtime, bareSql, naive, runtimePeakRssBytes: 180 * 1024 * 1024 }),
};

describe('formatReport', () => {
  const lines = formatReport(result);
  const line = (start: string): string | undefined =>
    lines.find((l) => l.trimStart().startsWith(start));

  it('prints each figure next to its target with PASS or MISS', () => {
    expect(line('runtime events/s')).toMatch(/24,500\s+≥ 25,000\s+MISS$/);
    expect(line('runtime / bare SQL')).toMatch(/49 %\s+≥ 70 %\s+MISS$/);
    expect(line('runtime / naive')).toMatch(/245×\s+≥ 20×\s+PASS$/);
    expect(line('runtime peak RSS')).toMatch(/180 MB\s+≤ 200 MB\s+PASS$/);
  });

  it('says whether the group rebalanced under load', () => {
    expect(line('runtime: timed')).toContain(
      'joined its group 1 time(s) (no rebalance under load)',
    );
    const rebalanced = formatReport({ ...result, runtime: { ...result.runtime, groupJoins: 3 } });
    expect(rebalanced.find((l) => l.includes('joined its group'))).toContain(
      'joined its group 3 time(s) (it rebalanced under load)',
    );
  });

  it('says that the naive rate comes from a sample', () => {
    expect(line('naive eachMessage (sample of 5,000)')).toMatch(/5,000\s+50\.0 s\s+100$/);
  });
});
