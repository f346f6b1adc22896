import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { dashboardQueries, type DashboardQuery } from './dashboards/dashboards';
import { coverageProblems, readText, ruleProblems, unknownMetricProblems } from './lint';
import { alertRulesFile, alertRulesTestFile, operationsDoc } from './paths';
import { withGrafanaVariablesReplaced } from './promql/metric-names';
import { ensurePrometheusTools, promtool } from './promtool/prometheus-tools';
import { loadAlertRules } from './rules/alert-rules';

/*
 * `nx run @ferry/observability-config:generate-check` (part of `npm test`'s static checks): the
 * alert rules are valid (promtool check rules) and pass their unit tests (promtool test rules),
 * every alert has a firing and a silent test, a severity and a runbook section; every dashboard
 * query parses (promtool, as a recording rule) and reads only metrics of Ferry's catalog.
 */

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function indented(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Dashboard queries as recording rules, so that promtool parses them with Prometheus' parser. */
function dashboardSyntaxProblems(queries: readonly DashboardQuery[]): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'ferry-dashboards-'));
  try {
    const file = join(scratch, 'dashboard-queries.yaml');
    const rules = queries.map((query, index) => ({
      record: `dashboard:query_${index}`,
      expr: withGrafanaVariablesReplaced(query.expr),
    }));
    writeFileSync(file, stringify({ groups: [{ name: 'dashboards', rules }] }));
    const run = promtool(['check', 'rules', file]);
    if (run.ok) return [];
    // promtool names the failing rule by its position: say which panel that is.
    return [
      run.output.replace(/dashboard:query_(\d+)/g, (text, index: string) => {
        const query = queries[Number(index)];
        return query === undefined ? text : `${query.dashboard} ${query.where}`;
      }),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function section(name: string, problems: readonly string[], passed: string): boolean {
  if (problems.length === 0) log(`${name}: ${passed}`);
  else log(`${name}: ${problems.length} problem(s)\n${indented(problems.join('\n'))}`);
  return problems.length === 0;
}

function main(): number {
  ensurePrometheusTools(log);
  const results: boolean[] = [];
  const checked = promtool(['check', 'rules', alertRulesFile]);
  log(`promtool check rules:\n${indented(checked.output)}`);
  results.push(checked.ok);
  const tested = promtool(['test', 'rules', alertRulesTestFile], dirname(alertRulesTestFile));
  log(`promtool test rules:\n${indented(tested.output)}`);
  results.push(tested.ok);

  const rules = loadAlertRules();
  const queries = dashboardQueries();
  results.push(
    section(
      'alerts',
      [
        ...ruleProblems(rules, readText(operationsDoc)),
        ...coverageProblems(rules, readText(alertRulesTestFile)),
      ],
      `${rules.length} alerts, each with a severity, a runbook section, a firing and a silent test`,
    ),
    section(
      'dashboards',
      dashboardSyntaxProblems(queries),
      `${queries.length} queries parse (promtool)`,
    ),
    section(
      'metric names',
      unknownMetricProblems(rules, queries),
      'every rule and dashboard query reads metrics of the catalog only',
    ),
  );
  return results.every(Boolean) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
