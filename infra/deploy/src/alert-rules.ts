import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { labelsOf, type Manifest } from './manifest';
import { repoRoot } from './paths';

/**
 * Ferry's alerting rules (infra/observability/prometheus/alerts.yaml, checked and unit-tested
 * there) as a Prometheus Operator `PrometheusRule`: the same groups, word for word, so the rules
 * a cluster evaluates are the ones promtool tested.
 */
export const alertRulesFile = join(repoRoot, 'infra', 'observability', 'prometheus', 'alerts.yaml');

export function prometheusRule(file = alertRulesFile): Manifest {
  const rules = parse(readFileSync(file, 'utf8')) as { groups: unknown[] };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'ferry-alerts', labels: labelsOf('ferry-alerts', 'monitoring') },
    spec: { groups: rules.groups },
  };
}
