import {
  decideFault,
  NO_COUNTS,
  parseServerFault,
  type FaultCounters,
  type ServerFault,
} from './faults';
import { maxRequestsPerWindow, type RecordedRequest } from './request-log';

function run(fault: ServerFault, times: readonly number[], random = () => 0.5) {
  let counters: FaultCounters = NO_COUNTS;
  return times.map((now) => {
    const result = decideFault(fault, counters, now, random);
    counters = result.counters;
    return result.decision;
  });
}

describe('decideFault', () => {
  it('handles every request when ok', () => {
    expect(run({ mode: 'ok' }, [0, 1, 2]).every((d) => d.verdict === 'handle')).toBe(true);
  });

  it('delays requests when slow', () => {
    expect(run({ mode: 'slow', latencyMs: 250 }, [0])).toEqual([
      { verdict: 'handle', delayMs: 250 },
    ]);
  });

  it('answers 429 with Retry-After beyond the limit of a window, and lets the next window through', () => {
    const decisions = run({ mode: 'rate-limited', limit: 2, windowMs: 2000 }, [0, 100, 200, 2100]);
    expect(decisions.map((d) => d.verdict)).toEqual(['handle', 'handle', 'reject', 'handle']);
    expect(decisions[2]).toEqual({
      verdict: 'reject',
      status: 429,
      headers: { 'retry-after': '2' },
      reason: 'rate-limited',
    });
  });

  it('fails every n-th request with the configured status', () => {
    const decisions = run({ mode: 'failing', everyN: 3, status: 502 }, [0, 0, 0, 0, 0, 0]);
    expect(decisions.map((d) => (d.verdict === 'reject' ? d.status : 'ok'))).toEqual([
      'ok',
      'ok',
      502,
      'ok',
      'ok',
      502,
    ]);
  });

  it('fails by probability with the given randomness', () => {
    const values = [0.1, 0.9];
    const decisions = run({ mode: 'failing', probability: 0.5 }, [0, 0], () => values.shift() ?? 1);
    expect(decisions.map((d) => d.verdict)).toEqual(['reject', 'handle']);
  });

  it('fails everything with 503 when no rule is given', () => {
    expect(run({ mode: 'failing' }, [0])).toEqual([
      { verdict: 'reject', status: 503, headers: {}, reason: 'failing' },
    ]);
  });
});

describe('parseServerFault', () => {
  it('reads each mode', () => {
    expect(parseServerFault({ mode: 'down', forMs: 100 })).toEqual({ mode: 'down', forMs: 100 });
    expect(parseServerFault({ mode: 'rate-limited', limit: 5 })).toEqual({
      mode: 'rate-limited',
      limit: 5,
    });
  });

  it('rejects unknown modes and missing settings', () => {
    expect(() => parseServerFault({ mode: 'broken' })).toThrow(/mode must be one of/);
    expect(() => parseServerFault({ mode: 'slow' })).toThrow(/latencyMs is required/);
  });
});

describe('maxRequestsPerWindow', () => {
  it('finds the busiest sliding second', () => {
    const at = (ms: number): RecordedRequest => ({
      at: ms,
      httpMethod: 'POST',
      path: '/',
      api: 'x',
      outcome: 'handled',
    });
    expect(maxRequestsPerWindow([0, 100, 900, 1000, 1050, 1999, 3000].map(at))).toBe(4);
  });
});
