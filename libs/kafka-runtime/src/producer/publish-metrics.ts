import { counter, histogram } from '@ferry/observability';
import { classifyFailure } from '@ferry/failures';

/**
 * 2 ms … 30 s: a publish acknowledged by all in-sync replicas takes milliseconds on a healthy
 * cluster; the top buckets hold calls that waited out a leader election or their retries.
 */
export const PUBLISH_DURATION_BUCKETS = [
  0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

const publishDuration = histogram(
  'ferry_publish_duration_seconds',
  'Duration of one publish call, until Kafka acknowledged every event of it or the call failed',
  ['topic'],
  PUBLISH_DURATION_BUCKETS,
);

const publishedEvents = counter(
  'ferry_published_events_total',
  'Events published and acknowledged by Kafka',
  ['topic'],
);

const publishFailures = counter(
  'ferry_publish_failures_total',
  'Publish calls that failed (nothing of the call is acknowledged), by failure kind',
  ['topic', 'kind'],
);

/**
 * Runs and measures one publish call: its duration whatever the outcome (refusals before anything
 * is sent are rare: intake endpoints check their events first), the events Kafka acknowledged, or
 * the failure by its kind; the call's error passes through unchanged.
 */
export async function measurePublish(
  topic: string,
  events: number,
  publish: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  try {
    await publish();
    publishedEvents.inc({ topic }, events);
  } catch (error: unknown) {
    publishFailures.inc({ topic, kind: classifyFailure(error) });
    throw error;
  } finally {
    publishDuration.observe({ topic }, (performance.now() - started) / 1000);
  }
}
