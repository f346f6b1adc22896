import { gauge } from '@ferry/observability';
import type { ServiceHealth } from './service-health';

/** The health the gauges read; the one ServiceHealth of the process once runService started. */
let reporting: ServiceHealth | undefined;

gauge(
  'ferry_health_live',
  'Whether the service reports itself live (1) or not (0), as /health/live would answer at the scrape',
  [],
  (live) => {
    if (reporting) live.set(reporting.report().live ? 1 : 0);
  },
);

gauge(
  'ferry_health_ready',
  'Whether the service reports itself ready (1) or not (0), as /health/ready would answer at the scrape',
  [],
  (ready) => {
    if (reporting) ready.set(reporting.report().ready ? 1 : 0);
  },
);

/** From now on `ferry_health_live` and `ferry_health_ready` are computed from `health`'s report. */
export function reportHealthMetrics(health: ServiceHealth): void {
  reporting = health;
}
