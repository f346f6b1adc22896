import type { CatalogMetric } from './metric-catalog';

/**
 * The metrics a `/metrics` page declares (its `# TYPE` lines), whether or not they have a sample
 * yet: prom-client lists a labelled metric nobody has set with its HELP and TYPE alone.
 */
export function declaredMetrics(exposition: string): CatalogMetric[] {
  const declared: CatalogMetric[] = [];
  for (const line of exposition.split('\n')) {
    const match = /^# TYPE (\S+) (counter|gauge|histogram)$/.exec(line.trim());
    if (match?.[1] === undefined) continue;
    const type = match[2] === 'counter' ? 'counter' : match[2] === 'gauge' ? 'gauge' : 'histogram';
    declared.push({ name: match[1], type });
  }
  return declared;
}
