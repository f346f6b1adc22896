import { join } from 'node:path';

/** The repository root: this file is infra/observability/{src,dist}/paths.{ts,js}. */
export const repoRoot = join(__dirname, '..', '..', '..');

const observabilityDir = join(repoRoot, 'infra', 'observability');

/** Ferry's Prometheus alerting rules, and their promtool unit tests beside them. */
export const alertRulesFile = join(observabilityDir, 'prometheus', 'alerts.yaml');
export const alertRulesTestFile = join(observabilityDir, 'prometheus', 'alerts.test.yaml');

/** Grafana dashboards, one JSON model per file. */
export const dashboardsDir = join(observabilityDir, 'grafana');

/** The runbooks: one section per alert, which its `runbook_url` points at. */
export const operationsDoc = join(repoRoot, 'docs', 'operations.md');
