import { applyRate, judge, type Measurements } from './figures';

const MB = 1024 * 1024;

const measured = (overrides: Partial<Measurements> = {}): Measurements => ({
  runtime: applyRate(200_000, 5_000),
  bareSqlWithDedup: applyRate(200_000, 4_000),
  naive: applyRate(5_000, 50_000),
  runtimePeakRssBytes: 150 * MB,
  publisher: { eventsPerSecond: 30_000 },
  producerPerformance: { recordsPerSecond: 60_000 },
  mainThreadCpuUs: 12,
  postgresCpuUs: 16,
  ...overrides,
});

describe('applyRate', () => {
  it('turns events and milliseconds into events per second', () => {
    expect(applyRate(50_000, 2_000)).toEqual({
      events: 50_000,
      seconds: 2,
      eventsPerSecond: 25_000,
    });
  });

  it('refuses a zero or negative duration', () => {
    expect(() => applyRate(10, 0)).toThrow(RangeError);
  });
});

describe('judge', () => {
  it('computes the ratios against bare SQL with dedup and the naive baseline', () => {
    const figures = judge(measured());
    expect(figures.map((f) => [f.name, f.value])).toEqual([
      ['runtimeEventsPerSecond', 40_000],
      ['runtimeOverBareSqlWithDedup', 0.8],
      ['runtimeOverNaive', 400],
      ['runtimePeakRssMb', 150],
      ['publisherOverProducerPerformance', 0.5],
      ['mainThreadCpuUsPerEvent', 12],
      ['postgresCpuUsPerEvent', 16],
    ]);
  });

  it('passes a floor reached exactly and misses one just below', () => {
    expect(judge(measured())[0]?.verdict).toBe('PASS');
    expect(judge(measured({ runtime: applyRate(199_999, 5_000) }))[0]?.verdict).toBe('MISS');
  });

  it('misses the ratio to bare SQL with dedup below 85 %', () => {
    expect(judge(measured())[1]?.verdict).toBe('MISS');
    expect(judge(measured({ bareSqlWithDedup: applyRate(200_000, 4_250) }))[1]?.verdict).toBe(
      'PASS',
    );
  });

  it('treats peak RSS and CPU per event as ceilings', () => {
    expect(judge(measured({ runtimePeakRssBytes: 200 * MB }))[3]?.verdict).toBe('PASS');
    expect(judge(measured({ runtimePeakRssBytes: 201 * MB }))[3]?.verdict).toBe('MISS');
    expect(judge(measured())[5]?.verdict).toBe('PASS');
    expect(judge(measured())[6]?.verdict).toBe('MISS');
  });

  it('misses the publisher below 60 % of ProducerPerformance', () => {
    expect(judge(measured())[4]?.verdict).toBe('MISS');
    const faster = measured({ publisher: { eventsPerSecond: 36_000 } });
    expect(judge(faster)[4]?.verdict).toBe('PASS');
  });

  it('leaves out a CPU figure that could not be measured instead of passing it', () => {
    const names = judge(measured({ postgresCpuUs: null })).map((f) => f.name);
    expect(names).not.toContain('postgresCpuUsPerEvent');
    expect(names).toContain('mainThreadCpuUsPerEvent');
  });
});
