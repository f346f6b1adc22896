import type { BenchResult } from './bench-result';
import { applyRate, judge } from './figures';
import { formatReport } from './format-report';

const runtime = applyRate(196_000, 8_000);
const bareSql = applyRate(200_000, 4_000);
const bareSqlWithDedup = applyRate(200_000, 6_000);
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
    projectorSemiSpaceMb: 0,
    profile: 0,
    snapshotsPerRequest: 20,
    concurrency: 16,
    rate: 2_000,
    durationS: 20,
    seed: 1,
    mode: 'apply',
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
  publisher: { seconds: 4, eventsPerSecond: 50_000, cpuUsPerEvent: 18.5, meanValueBytes: 96 },
  reference: {
    producerPerformance: {
      records: 200_000,
      seconds: 2,
      recordsPerSecond: 100_000,
      cpuUsPerRecord: 9.2,
      summary: '200000 records sent, 100000.0 records/sec',
    },
    consumerPerformance: {
      records: 200_000,
      seconds: 1,
      recordsPerSecond: 200_000,
      cpuUsPerRecord: 4,
      summary: '',
    },
  },
  runtime: {
    ...runtime,
    wallSeconds: 11,
    cpuSeconds: 5,
    peakRssBytes: 180 * 1024 * 1024,
    cpuPerEvent: {
      processUs: 30.5,
      mainThreadUs: 25.25,
      mainThreadRunQueueShare: 0.124,
      postgresUs: 22,
      brokerUs: null,
    },
    groupJoins: 1,
    outcomes: { applied: 196_000 },
    env: {},
  },
  bareSql: { ...bareSql, transactions: 200, postgresCpuUsPerEvent: 10 },
  bareSqlWithDedup: {
    ...bareSqlWithDedup,
    transactions: 200,
    postgresCpuUsPerEvent: 19.04,
  },
  naive: { ...naive, sampleOf: 5_000, partitionsAtOnce: 1 },
  figures: judge({
    runtime,
    bareSqlWithDedup,
    naive,
    runtimePeakRssBytes: 180 * 1024 * 1024,
    publisher: { eventsPerSecond: 50_000 },
    producerPerformance: { recordsPerSecond: 100_000 },
    mainThreadCpuUs: 25.25,
    postgresCpuUs: 22,
  }),
};

describe('formatReport', () => {
  const lines = formatReport(result);
  const line = (start: string): string | undefined =>
    lines.find((l) => l.trimStart().startsWith(start));

  it('prints each figure next to its target with PASS or MISS', () => {
    expect(line('runtime events/s')).toMatch(/24,500\s+≥ 40,000\s+MISS$/);
    expect(line('runtime / (SQL + dedup)')).toMatch(/74 %\s+≥ 85 %\s+MISS$/);
    expect(line('publisher / ProducerPerf')).toMatch(/50 %\s+≥ 60 %\s+MISS$/);
    expect(line("Kafka's ProducerPerformance (96 B, acks=all)")).toMatch(
      /200,000\s+2\.0 s\s+100,000$/,
    );
    expect(line('main thread CPU/event')).toMatch(/25\.3 µs\s+≤ 12\.0 µs\s+MISS$/);
    expect(line('runtime / naive')).toMatch(/245×\s+≥ 20×\s+PASS$/);
    expect(line('runtime peak RSS')).toMatch(/180 MB\s+≤ 200 MB\s+PASS$/);
  });

  it('prints CPU per event of each process, n/a where it was not measured', () => {
    expect(line('CPU per event')).toContain(
      'projector 30.5 µs, its main thread 25.3 µs, its Postgres backends 22.0 µs, broker n/a; ' +
        'Postgres backends under bare SQL 10.0 µs, with the dedup insert 19.0 µs',
    );
    expect(line('main thread waiting')).toContain('12 % of the time');
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
