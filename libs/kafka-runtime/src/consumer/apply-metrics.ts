import { histogram } from '@ferry/observability';

/**
 * 1 ms … 30 s: a slice of a few events commits in milliseconds, one of thousands in about a
 * second; the top buckets hold slices that waited for a downstream (a held slice counts its wait).
 */
export const APPLY_DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** Events per slice, up to the largest `maxBatchSize` a consumer is given (default 5000). */
export const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

/**
 * 10 ms … 1 h: how old an event is when its transaction commits, from the time its owner recorded
 * the state; seconds when the flow keeps up, minutes to hours during a catch-up or after a retry
 * tier held it.
 */
export const EVENT_AGE_BUCKETS = [
  0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600,
];

export const applyMetrics = {
  duration: histogram(
    'ferry_consumer_apply_duration_seconds',
    'Time to handle one slice of a partition: decode, one transaction, offset commit (waits for an unavailable downstream included)',
    ['group', 'topic'],
    APPLY_DURATION_BUCKETS,
  ),
  batchSize: histogram(
    'ferry_consumer_batch_size',
    'Events taken in one slice of a partition (records of a retry tier that are not due yet are not taken)',
    ['group', 'topic'],
    BATCH_SIZE_BUCKETS,
  ),
  eventAge: histogram(
    'ferry_event_age_at_apply_seconds',
    'Age of each event applied for the first time, at the commit of its transaction: now minus the occurredAt of its envelope',
    ['group', 'topic'],
    EVENT_AGE_BUCKETS,
  ),
};

/**
 * Pure: seconds from `occurredAt` (the envelope's time, epoch milliseconds) to `now`. An event
 * stamped ahead of this clock (the owner's clock runs fast) counts as age 0, not negative.
 */
export function eventAgeSeconds(occurredAt: number, now: number): number {
  return Math.max(0, now - occurredAt) / 1000;
}
