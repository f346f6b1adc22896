import { applyRate, judge, type Measurements } from './figures';

const MB = 1024 * 1024;

const measured = (overrides: Partial<Measurements> = {}): Measurements => ({
  runtime: applyRate(200_000, 8_000),
  bareSql: applyRate(200_000, 5_000),
  naive: applyRate(5_000, 50_000),
  runtimePeakRssBytes: 150 * MB,
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
  it('computes the ratios against bare SQL and the naive baseline', () => {
    const figures = judge(measured());
    expect(figures.map((f) => [f.name, f.value])).toEqual([
      ['runtimeEventsPerSecond', 25_000],
      ['runtimeOverBareSql', 0.625],
      ['runtimeOverNaive', 250],
      ['runtimePeakRssMb', 150],
    ]);
  });

  it('passes a floor reached exactly and misses one just below', () => {
    expect(judge(measured())[0]?.verdict).toBe('PASS');
    expect(judge(measured({ runtime: applyRate(199_999, 8_000) }))[0]?.verdict).toBe('MISS');
  });

  it('misses the ratio to bare SQL below 70 %', () => {
    expect(judge(measured())[1]?.verdict).toBe('MISS');
    expect(judge(measured({ bareSql: applyRate(200_000, 5_600) }))[1]?.verdict).toBe('PASS');
  });

  it('treats peak RSS as a ceiling', () => {
    expect(judge(measured({ runtimePeakRssBytes: 200 * MB }))[3]?.verdict).toBe('PASS');
    expect(judge(measured({ runtimePeakRssBytes: 201 * MB }))[3]?.verdict).toBe('MISS');
  });
});
