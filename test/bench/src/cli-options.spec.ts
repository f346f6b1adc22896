import { parseBenchArgs } from './cli-options';

describe('parseBenchArgs', () => {
  it('uses the defaults without arguments', () => {
    expect(parseBenchArgs([])).toEqual({
      kind: 'run',
      options: {
        events: 200_000,
        keys: 20_000,
        naiveEvents: 5_000,
        maxBatchSize: 5000,
        partitionsConcurrently: 3,
        projectorHeapMb: 160,
        projectorSemiSpaceMb: 0,
        profile: 0,
        snapshotsPerRequest: 20,
        concurrency: 16,
        rate: 2_000,
        durationS: 20,
        seed: 20_261_123,
        mode: 'apply',
      },
    });
  });

  it('reads `--flag N` and `--flag=N`', () => {
    const parsed = parseBenchArgs(['--events', '50000', '--max-batch-size=3000']);
    expect(parsed.kind === 'run' && parsed.options).toMatchObject({
      events: 50_000,
      maxBatchSize: 3000,
    });
  });

  it('rejects an unknown flag, a missing value and a value out of bounds', () => {
    expect(parseBenchArgs(['--fast'])).toEqual({
      kind: 'invalid',
      problem: 'unknown argument "--fast"',
    });
    expect(parseBenchArgs(['--events'])).toEqual({
      kind: 'invalid',
      problem: '--events needs an integer',
    });
    expect(parseBenchArgs(['--partitions-concurrently', '0'])).toEqual({
      kind: 'invalid',
      problem: '--partitions-concurrently must be between 1 and 64',
    });
  });

  it('rejects a naive sample larger than the workload', () => {
    expect(parseBenchArgs(['--events', '1000', '--naive-events', '2000']).kind).toBe('invalid');
  });

  it('answers --help', () => {
    expect(parseBenchArgs(['--events', '1000', '--help'])).toEqual({ kind: 'help' });
  });

  it('takes a mode by name and refuses one it does not know', () => {
    const parsed = parseBenchArgs(['--mode', 'latency', '--rate=500']);
    expect(parsed.kind === 'run' && parsed.options).toMatchObject({ mode: 'latency', rate: 500 });
    expect(parseBenchArgs(['--mode=e2e'])).toMatchObject({ kind: 'run', options: { mode: 'e2e' } });
    expect(parseBenchArgs(['--mode', 'fast'])).toEqual({
      kind: 'invalid',
      problem: '--mode must be one of apply, e2e, latency',
    });
  });
});
