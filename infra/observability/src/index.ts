export {
  FerryMetrics,
  ScrapeSeries,
  catalogSeriesNames,
  seriesNamesOf,
} from './catalog/metric-catalog';
export type { CatalogMetric, MetricType } from './catalog/metric-catalog';
export { declaredMetrics } from './catalog/exposition';
export { dashboardQueries } from './dashboards/dashboards';
export type { DashboardQuery } from './dashboards/dashboards';
export { metricNamesUsed } from './lint';
export { alertRulesFile } from './paths';
export { ensurePrometheusTools } from './promtool/prometheus-tools';
export { startPrometheus } from './prometheus/prometheus-server';
export type {
  PrometheusAlert,
  PrometheusOptions,
  RunningPrometheus,
  ScrapeTarget,
} from './prometheus/prometheus-server';
export { loadAlertRules } from './rules/alert-rules';
export type { AlertRule } from './rules/alert-rules';
export { shortenedRules } from './rules/shortened-rules';
export type { ThresholdOverride } from './rules/shortened-rules';
