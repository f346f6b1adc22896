/**
 * Sum of the samples of metric `name` whose labels include all of `labels`, in the Prometheus
 * text format that a service's `/metrics` serves.
 */
export function sampleValue(
  metricsText: string,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    );
    if (matches) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** The `/metrics` text of a running service. */
export async function readMetrics(serviceUrl: string): Promise<string> {
  const response = await fetch(`${serviceUrl}/metrics`);
  return response.text();
}
