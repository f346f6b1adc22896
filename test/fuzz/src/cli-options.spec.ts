import { parseFuzzArgs } from './cli-options';

describe('parseFuzzArgs', () => {
  it('defaults to 10,000 requests, a fixed seed and a small concurrency', () => {
    expect(parseFuzzArgs([])).toEqual({
      kind: 'run',
      options: { requests: 10_000, seed: 20_261_129, concurrency: 4, drainTimeoutSeconds: 120 },
    });
  });

  it('reads --flag N and --flag=N', () => {
    const parsed = parseFuzzArgs(['--requests', '500', '--seed=7', '--concurrency', '8']);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: { requests: 500, seed: 7, concurrency: 8 },
    });
  });

  it('refuses unknown flags, non-numbers and values out of bounds', () => {
    expect(parseFuzzArgs(['--rps', '3']).kind).toBe('invalid');
    expect(parseFuzzArgs(['--seed', 'abc']).kind).toBe('invalid');
    expect(parseFuzzArgs(['--requests']).kind).toBe('invalid');
    expect(parseFuzzArgs(['--concurrency', '33']).kind).toBe('invalid');
    expect(parseFuzzArgs(['--requests', '0']).kind).toBe('invalid');
    expect(parseFuzzArgs(['-h']).kind).toBe('help');
  });
});
