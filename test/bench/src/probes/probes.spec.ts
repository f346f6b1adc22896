import { parseProcStatCpuSeconds, parseProcStatus } from './process-memory';
import { sampleValue as sampleSum } from '@ferry/test-support';

describe('sampleSum', () => {
  const text = [
    '# HELP ferry_consumer_events_total Events handled',
    'ferry_consumer_events_total{group="g",topic="t",outcome="applied"} 150',
    'ferry_consumer_events_total{group="g",topic="t",outcome="stale"} 2',
    'ferry_consumer_events_total{group="other",topic="t",outcome="applied"} 99',
  ].join('\n');

  it('adds up the samples whose labels match', () => {
    expect(sampleSum(text, 'ferry_consumer_events_total', { group: 'g' })).toBe(152);
    expect(sampleSum(text, 'ferry_consumer_events_total', { outcome: 'applied' })).toBe(249);
  });

  it('is zero for a metric not exposed yet', () => {
    expect(sampleSum(text, 'ferry_consumer_dead_lettered_total', {})).toBe(0);
  });
});

describe('/proc parsing', () => {
  it('reads current and peak resident memory in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseProcStatus(status)).toEqual({
      rssBytes: 100 * 1024 * 1024,
      peakRssBytes: 200 * 1024 * 1024,
    });
  });

  it('reads user + system CPU after a command name with spaces and parentheses', () => {
    const fields = Array.from({ length: 20 }, (_, i) => String(i));
    fields[11] = '250';
    fields[12] = '50';
    expect(parseProcStatCpuSeconds(`42 (node (x) y) ${fields.join(' ')}`)).toBe(3);
  });
});
