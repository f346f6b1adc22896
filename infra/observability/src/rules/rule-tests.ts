import { parse } from 'yaml';

/** Which alerts a promtool test file expects firing somewhere, and silent somewhere. */
export interface AlertCoverage {
  readonly fires: Set<string>;
  readonly silent: Set<string>;
}

interface TestFile {
  tests?: { alert_rule_test?: { alertname?: string; exp_alerts?: unknown[] | null }[] }[];
}

export function alertCoverage(testFileText: string): AlertCoverage {
  const file = parse(testFileText) as TestFile;
  const fires = new Set<string>();
  const silent = new Set<string>();
  for (const test of file.tests ?? [])
    for (const check of test.alert_rule_test ?? []) {
      if (check.alertname === undefined) continue;
      if ((check.exp_alerts ?? []).length > 0) fires.add(check.alertname);
      else silent.add(check.alertname);
    }
  return { fires, silent };
}
