/**
 * The metrics Ferry exports, by the names of the metrics contract (docs/operations.md,
 * "Metrics"): what dashboards and alert rules may read. A counter's name includes `_total` (as
 * prom-client registers it); a histogram is read through its `_bucket`, `_sum` and `_count`
 * series. Whether each one is really exported is the live test's business
 * (test/observability/exported-metrics.int-spec.ts), which scrapes the running services.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface CatalogMetric {
  readonly name: string;
  readonly type: MetricType;
}

const metric = (name: string, type: MetricType): CatalogMetric => ({ name, type });

export const FerryMetrics: readonly CatalogMetric[] = [
  // The lag exporter (apps/lag-exporter).
  metric('ferry_consumergroup_lag_records', 'gauge'),
  metric('ferry_consumergroup_lag_seconds', 'gauge'),
  metric('ferry_consumergroup_members', 'gauge'),
  metric('ferry_consumergroup_state', 'gauge'),
  metric('ferry_lag_exporter_last_success_timestamp_seconds', 'gauge'),
  metric('ferry_lag_exporter_errors_total', 'counter'),
  metric('ferry_dlq_unresolved', 'gauge'),
  metric('ferry_dlq_oldest_unresolved_age_seconds', 'gauge'),
  // Golden signals, every service.
  metric('ferry_consumer_fetch_lag_records', 'gauge'),
  metric('ferry_http_requests_total', 'counter'),
  metric('ferry_http_request_duration_seconds', 'histogram'),
  metric('ferry_publish_duration_seconds', 'histogram'),
  metric('ferry_published_events_total', 'counter'),
  metric('ferry_publish_failures_total', 'counter'),
  metric('ferry_consumer_apply_duration_seconds', 'histogram'),
  metric('ferry_consumer_batch_size', 'histogram'),
  metric('ferry_event_age_at_apply_seconds', 'histogram'),
  metric('ferry_downstream_call_duration_seconds', 'histogram'),
  metric('ferry_downstream_call_failures_total', 'counter'),
  metric('ferry_health_live', 'gauge'),
  metric('ferry_health_ready', 'gauge'),
  // Kept from before the contract.
  metric('ferry_consumer_events_total', 'counter'),
  metric('ferry_consumer_dead_lettered_total', 'counter'),
  metric('ferry_circuit_open', 'gauge'),
  metric('ferry_erp_poll_last_success_timestamp_seconds', 'gauge'),
  metric('ferry_erp_poll_failures_total', 'counter'),
  metric('ferry_consumer_restarts_total', 'counter'),
  metric('ferry_dlq_records', 'gauge'),
];

/** Series Prometheus makes itself for every target: no service exports them. */
export const ScrapeSeries: ReadonlySet<string> = new Set([
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
  'scrape_series_added',
]);

/** The series names one metric is read through in PromQL. */
export function seriesNamesOf(metric: CatalogMetric): string[] {
  if (metric.type !== 'histogram') return [metric.name];
  return ['_bucket', '_sum', '_count'].map((suffix) => `${metric.name}${suffix}`);
}

/** Every series name of the catalog. */
export function catalogSeriesNames(metrics: readonly CatalogMetric[] = FerryMetrics): Set<string> {
  return new Set(metrics.flatMap(seriesNamesOf));
}
