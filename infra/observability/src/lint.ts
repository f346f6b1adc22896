import { readFileSync } from 'node:fs';
import { catalogSeriesNames, ScrapeSeries } from './catalog/metric-catalog';
import { dashboardQueries, type DashboardQuery } from './dashboards/dashboards';
import { metricNamesOf, withGrafanaVariablesReplaced } from './promql/metric-names';
import type { AlertRule } from './rules/alert-rules';
import { alertCoverage } from './rules/rule-tests';
import { anchorsOf } from './rules/runbooks';

/**
 * The checks of the alert rules and dashboards that need no Prometheus: each one returns its
 * problems, one line each, empty when it holds.
 */

export const Severities = ['page', 'ticket'] as const;

const runbookPrefix = 'docs/operations.md#';

/** Every alert has a severity Ferry knows and a runbook section that exists. */
export function ruleProblems(rules: readonly AlertRule[], operationsMarkdown: string): string[] {
  const anchors = anchorsOf(operationsMarkdown);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.alert)) problems.push(`${rule.alert}: defined twice`);
    seen.add(rule.alert);
    const severity = rule.labels['severity'] ?? '';
    if (!(Severities as readonly string[]).includes(severity))
      problems.push(`${rule.alert}: severity "${severity}" is not one of ${Severities.join(', ')}`);
    const runbook = rule.annotations['runbook_url'] ?? '';
    if (!runbook.startsWith(runbookPrefix))
      problems.push(`${rule.alert}: runbook_url "${runbook}" is not ${runbookPrefix}<section>`);
    else if (!anchors.has(runbook.slice(runbookPrefix.length)))
      problems.push(
        `${rule.alert}: docs/operations.md has no section #${runbook.slice(runbookPrefix.length)}`,
      );
    for (const key of ['summary', 'description'])
      if (!rule.annotations[key]) problems.push(`${rule.alert}: no ${key} annotation`);
  }
  return problems;
}

/** Every alert has a unit test where it fires and one where it must not. */
export function coverageProblems(rules: readonly AlertRule[], testFileText: string): string[] {
  const coverage = alertCoverage(testFileText);
  const names = new Set(rules.map((rule) => rule.alert));
  return [
    ...[...names].flatMap((name) => [
      ...(coverage.fires.has(name) ? [] : [`${name}: no test where it fires`]),
      ...(coverage.silent.has(name) ? [] : [`${name}: no test where it stays silent`]),
    ]),
    ...[...coverage.fires, ...coverage.silent]
      .filter((name) => !names.has(name))
      .map((name) => `the tests name ${name}, which no rule defines`),
  ];
}

/** Metric names read by the rules and dashboards that Ferry's catalog does not list. */
export function unknownMetricProblems(
  rules: readonly AlertRule[],
  queries: readonly DashboardQuery[],
  known: ReadonlySet<string> = new Set([...catalogSeriesNames(), ...ScrapeSeries]),
): string[] {
  const sources = [
    ...rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
    ...queries.map((query) => ({
      where: `${query.dashboard} ${query.where}`,
      expr: withGrafanaVariablesReplaced(query.expr),
    })),
  ];
  return sources.flatMap(({ where, expr }) =>
    [...metricNamesOf(expr)]
      .filter((name) => !known.has(name))
      .map((name) => `${where}: ${name} is not a metric Ferry exports (metric-catalog.ts)`),
  );
}

/** Every metric name the rules and dashboards read. */
export function metricNamesUsed(
  rules: readonly AlertRule[],
  queries: readonly DashboardQuery[] = dashboardQueries(),
): Set<string> {
  return new Set(
    [
      ...rules.map((rule) => rule.expr),
      ...queries.map((query) => withGrafanaVariablesReplaced(query.expr)),
    ].flatMap((expr) => [...metricNamesOf(expr)]),
  );
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
