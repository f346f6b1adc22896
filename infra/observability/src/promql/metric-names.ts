/**
 * The metric names a PromQL expression reads. Not a parser (promtool checks the syntax): a
 * tokenizer that drops what cannot be a metric name (strings, label matchers, ranges, grouping
 * label lists, numbers and durations, keywords) and keeps every identifier that is not a
 * function or an aggregation applied with a parenthesis.
 */

const keywords = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'atan2',
  'inf',
  'nan',
  'start',
  'end',
]);

/** Aggregation operators: `sum by (x) (…)` puts the grouping between the name and its `(`. */
const aggregations = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);

const stringLiteral = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const labelMatchers = /\{[^}]*\}/g;
const rangesAndSubqueries = /\[[^\]]*\]/g;
const groupingLabels = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g;
const comment = /#[^\n]*/g;
const identifier = /[A-Za-z_:][A-Za-z0-9_:]*/g;

export function metricNamesOf(expr: string): Set<string> {
  const text = expr
    .replace(stringLiteral, '""')
    .replace(comment, ' ')
    .replace(labelMatchers, ' ')
    .replace(rangesAndSubqueries, ' ')
    .replace(groupingLabels, '$1 ');
  const names = new Set<string>();
  for (const match of text.matchAll(identifier)) {
    const name = match[0];
    const before = text[match.index - 1] ?? '';
    // Part of a number or duration (`5m`, `1e3`, `0x1f`), or a Grafana variable's tail.
    if (/[0-9.$]/.test(before)) continue;
    const lower = name.toLowerCase();
    if (keywords.has(lower) || aggregations.has(lower)) continue;
    const after = text.slice(match.index + name.length).trimStart();
    if (after.startsWith('(')) continue;
    names.add(name);
  }
  return names;
}

/**
 * Grafana's variables replaced by values PromQL accepts, so that promtool can parse a panel's
 * query: interval variables by a duration, any other variable (inside a label matcher's string)
 * by a plain word.
 */
export function withGrafanaVariablesReplaced(expr: string): string {
  return expr
    .replace(/\$\{?__(rate_interval|interval|range)\}?/g, '5m')
    .replace(/\$\{?__interval_ms\}?/g, '300000')
    .replace(/\$\{[A-Za-z0-9_]+(:[a-z]+)?\}|\$[A-Za-z_][A-Za-z0-9_]*/g, 'x');
}
