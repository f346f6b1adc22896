import { parse } from 'yaml';
import { dividedDuration, exprWithDurationsDivided, shortenedRules } from './shortened-rules';

const ruleFile = `groups:
  - name: g
    rules:
      - alert: Stale
        expr: time() - max(x_seconds) > 300 and rate(y_total[5m]) > 0
        for: 15m
        labels: { severity: page }
      - alert: New
        expr: sum(z) > sum(z offset 15m)
`;

describe('rules shortened for a live test', () => {
  it('divides durations, compound ones included', () => {
    expect(dividedDuration('15m', 60)).toBe('15s');
    expect(dividedDuration('1h30m', 60)).toBe('90s');
    expect(dividedDuration('30s', 60)).toBe('500ms');
  });

  it('divides ranges, subquery steps and offsets, and nothing else', () => {
    expect(exprWithDurationsDivided('rate(x[5m] offset 1h) > 300 and y[1h:1m]', 60)).toBe(
      'rate(x[5s] offset 60s) > 300 and y[60s:1s]',
    );
  });

  it('divides for: and replaces the thresholds the caller names', () => {
    const shortened = parse(
      shortenedRules(ruleFile, 60, { Stale: [{ from: '> 300', to: '> 5' }] }),
    ) as { groups: { rules: Record<string, unknown>[] }[] };
    const [stale, fresh] = shortened.groups[0]?.rules ?? [];
    expect(stale).toEqual({
      alert: 'Stale',
      expr: 'time() - max(x_seconds) > 5 and rate(y_total[5s]) > 0',
      for: '15s',
      labels: { severity: 'page' },
    });
    expect(fresh?.['expr']).toBe('sum(z) > sum(z offset 15s)');
  });

  it('refuses a threshold that is not in the rule exactly once, or a rule that does not exist', () => {
    expect(() => shortenedRules(ruleFile, 60, { Stale: [{ from: '> 301', to: '> 5' }] })).toThrow(
      /appears 0 times/,
    );
    expect(() => shortenedRules(ruleFile, 60, { Missing: [] })).toThrow(/no rules named Missing/);
  });
});
