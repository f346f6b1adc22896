import { metricNamesOf, withGrafanaVariablesReplaced } from './metric-names';

const names = (expr: string) => [...metricNamesOf(expr)].sort();

describe('metric names of a PromQL expression', () => {
  it('finds a selector with label matchers, a range and an offset', () => {
    expect(
      names('rate(ferry_http_requests_total{route="/v1/x",status_class=~"5.."}[5m] offset 1h)'),
    ).toEqual(['ferry_http_requests_total']);
  });

  it('skips aggregations with their grouping clause, keywords and functions', () => {
    expect(
      names(
        'sum by (group, topic) (deriv(ferry_consumergroup_lag_records[10m])) > 0 and on (group) max without (instance) (ferry_consumergroup_members) == 0',
      ),
    ).toEqual(['ferry_consumergroup_lag_records', 'ferry_consumergroup_members']);
  });

  it('reads both sides of a binary operation with group_left labels', () => {
    expect(
      names('a_total / ignoring(kind) group_left(topic, partition) b_total unless c offset 5m'),
    ).toEqual(['a_total', 'b_total', 'c']);
  });

  it('ignores numbers, durations and words inside strings', () => {
    expect(names('time() - max(last_seconds{job="sum by"}) > 1e3 or vector(0.5)')).toEqual([
      'last_seconds',
    ]);
  });

  it('finds a histogram bucket inside histogram_quantile', () => {
    expect(
      names(
        'histogram_quantile(0.95, sum by (le) (rate(ferry_publish_duration_seconds_bucket[$__rate_interval])))',
      ),
    ).toEqual(['ferry_publish_duration_seconds_bucket']);
  });

  it('replaces Grafana variables with values PromQL parses', () => {
    expect(
      withGrafanaVariablesReplaced('rate(x{group=~"$group"}[$__rate_interval]) / ${step}'),
    ).toBe('rate(x{group=~"x"}[5m]) / x');
  });
});
