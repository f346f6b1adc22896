import { renderMetrics } from '@ferry/observability';
import { sampleValue } from '@ferry/test-support';
import { PublishError } from '../errors';
import { OwnershipViolation } from '../ownership/ownership-guard';
import { measurePublish } from './publish-metrics';

/** The value of one series (a histogram's `_count`, say) in the registry's text. */
async function series(name: string, labels: Record<string, string>): Promise<number> {
  return sampleValue((await renderMetrics()).body, name, labels);
}

describe('measurePublish', () => {
  const duration = 'ferry_publish_duration_seconds';

  it('counts the events of an acknowledged call and observes its duration', async () => {
    await measurePublish('t.ok', 3, () => Promise.resolve());
    expect(
      await series('ferry_published_events_total', {
        topic: 't.ok',
      }),
    ).toBe(3);
    expect(await series(`${duration}_count`, { topic: 't.ok' })).toBe(1);
  });

  it('counts a failed call by the kind its caller is answered with, and rethrows it', async () => {
    const unacknowledged = new PublishError('Kafka did not acknowledge');
    await expect(measurePublish('t.failing', 2, () => Promise.reject(unacknowledged))).rejects.toBe(
      unacknowledged,
    );
    await expect(
      measurePublish('t.failing', 1, () =>
        Promise.reject(new OwnershipViolation('wms', 'invoice')),
      ),
    ).rejects.toThrow(OwnershipViolation);
    const failures = 'ferry_publish_failures_total';
    expect(await series(failures, { topic: 't.failing', kind: 'transient' })).toBe(1);
    expect(await series(failures, { topic: 't.failing', kind: 'permanent' })).toBe(1);
    expect(await series(`${duration}_count`, { topic: 't.failing' })).toBe(2);
    expect(
      await series('ferry_published_events_total', {
        topic: 't.failing',
      }),
    ).toBe(0);
  });
});
