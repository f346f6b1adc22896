import { measureDownstreamCall, type DownstreamCall } from './downstream-calls';
import { gauge, metricsRegistry } from './metrics';

/** The value of one series of `name` (a histogram's `_count` or `_sum`, say) in the registry. */
async function sample(
  name: string,
  labels: Record<string, string>,
  series: string = name,
): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  const found = metric?.values.find(
    (value) =>
      ((value as { metricName?: string }).metricName ?? name) === series &&
      Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return found?.value ?? 0;
}

const DURATION = 'ferry_downstream_call_duration_seconds';

describe('measureDownstreamCall', () => {
  const call: DownstreamCall = {
    system: 'wms',
    operation: 'test.ok',
  };

  it('passes the result through and observes the duration as ok', async () => {
    await expect(measureDownstreamCall(call, () => Promise.resolve(7))).resolves.toBe(7);
    const labels = { system: 'wms', operation: 'test.ok', outcome: 'ok' };
    expect(await sample(DURATION, labels, `${DURATION}_count`)).toBe(1);
    expect(await sample(DURATION, labels, `${DURATION}_sum`)).toBeGreaterThan(0);
    expect(await sample('ferry_downstream_call_failures_total', { operation: 'test.ok' })).toBe(0);
  });

  it('rethrows a failure, observes it as error and counts it by its kind', async () => {
    const failing = { ...call, operation: 'test.failing' };
    const error = Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
    await expect(measureDownstreamCall(failing, () => Promise.reject(error))).rejects.toBe(error);
    const labels = { system: 'wms', operation: 'test.failing', outcome: 'error' };
    expect(await sample(DURATION, labels, `${DURATION}_count`)).toBe(1);
    expect(
      await sample('ferry_downstream_call_failures_total', {
        system: 'wms',
        operation: 'test.failing',
        kind: 'unavailable',
      }),
    ).toBe(1);
  });
});

describe('gauge with collect', () => {
  it('takes its value at each scrape', async () => {
    let current = 1;
    gauge('ferry_test_collected', 'test', [], (g) => {
      g.set(current);
    });
    expect(await sample('ferry_test_collected', {})).toBe(1);
    current = 0;
    expect(await sample('ferry_test_collected', {})).toBe(0);
  });
});
