import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Libraries register their metrics here so that a service's
 * `/metrics` endpoint shows the runtime's counters next to its own.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export function counter<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
): Counter<L> {
  return new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

/**
 * `onScrape`, when given, sets the gauge's value at each scrape (for a value that is read, not
 * counted: a health report, say).
 */
export function gauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  onScrape?: (gauge: Gauge<L>) => void,
): Gauge<L> {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    ...(onScrape === undefined
      ? {}
      : {
          collect(this: Gauge<L>) {
            onScrape(this);
          },
        }),
  });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  return new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
