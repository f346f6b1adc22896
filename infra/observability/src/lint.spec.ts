import { dashboardQueries } from './dashboards/dashboards';
import { coverageProblems, readText, ruleProblems, unknownMetricProblems } from './lint';
import { alertRulesTestFile, operationsDoc } from './paths';
import { loadAlertRules } from './rules/alert-rules';

/* The checks of `generate-check` that need no promtool, on the committed files. */
describe('Ferry alert rules and dashboards', () => {
  const rules = loadAlertRules();

  it('give every alert a severity, a summary, a description and a runbook section', () => {
    expect(ruleProblems(rules, readText(operationsDoc))).toEqual([]);
  });

  it('test every alert firing and silent', () => {
    expect(coverageProblems(rules, readText(alertRulesTestFile))).toEqual([]);
  });

  it('read only metrics of the catalog', () => {
    expect(dashboardQueries().length).toBeGreaterThan(20);
    expect(unknownMetricProblems(rules, dashboardQueries())).toEqual([]);
  });

  it('say so when a dashboard reads a metric Ferry does not export', () => {
    const queries = [
      { dashboard: 'd.json', where: 'panel "p"', expr: 'rate(ferry_nope_total[5m])' },
    ];
    expect(unknownMetricProblems([], queries)).toEqual([
      'd.json panel "p": ferry_nope_total is not a metric Ferry exports (metric-catalog.ts)',
    ]);
  });
});
