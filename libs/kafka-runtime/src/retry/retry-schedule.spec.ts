import {
  formatRetrySchedule,
  parseRetrySchedule,
  resolveFailureDestination,
  type RetryPolicy,
} from './retry-schedule';

const policy: RetryPolicy = { delaysMs: [30_000, 120_000, 480_000] };
const now = Date.parse('2026-11-23T12:00:00Z');

describe('resolveFailureDestination', () => {
  it('sends a first transient failure to the first retry tier, due after its delay', () => {
    expect(
      resolveFailureDestination(
        { originalTopic: 'ferry.t', attemptsMade: 0, kind: 'transient' },
        policy,
        now,
      ),
    ).toEqual({
      to: 'retry',
      topic: 'ferry.t.retry.30s',
      attempt: 1,
      dueAt: now + 30_000,
    });
  });

  it('moves a failed retry to the next tier', () => {
    expect(
      resolveFailureDestination(
        { originalTopic: 'ferry.t', attemptsMade: 2, kind: 'transient' },
        policy,
        now,
      ),
    ).toEqual({
      to: 'retry',
      topic: 'ferry.t.retry.8m',
      attempt: 3,
      dueAt: now + 480_000,
    });
  });

  it('sends to the DLQ after the last attempt', () => {
    expect(
      resolveFailureDestination(
        { originalTopic: 'ferry.t', attemptsMade: 3, kind: 'transient' },
        policy,
        now,
      ),
    ).toEqual({
      to: 'dead-letter',
      topic: 'ferry.t.dlq',
      reason: 'exhausted',
    });
  });

  it('sends permanent and programmer failures straight to the DLQ', () => {
    for (const kind of ['permanent', 'programmer'] as const) {
      expect(
        resolveFailureDestination({ originalTopic: 'ferry.t', attemptsMade: 0, kind }, policy, now),
      ).toEqual({
        to: 'dead-letter',
        topic: 'ferry.t.dlq',
        reason: kind,
      });
    }
  });

  it('dead-letters at once with an empty schedule', () => {
    expect(
      resolveFailureDestination(
        { originalTopic: 'ferry.t', attemptsMade: 0, kind: 'transient' },
        { delaysMs: [] },
        now,
      ).to,
    ).toBe('dead-letter');
  });
});

describe('the retry schedule in headers', () => {
  it('reads back what it writes', () => {
    expect(formatRetrySchedule(policy)).toBe('30000,120000,480000');
    expect(parseRetrySchedule('30000,120000,480000')).toEqual(policy);
    expect(parseRetrySchedule(formatRetrySchedule({ delaysMs: [] }))).toEqual({ delaysMs: [] });
  });

  it('knows nothing of a missing or garbled header', () => {
    expect(parseRetrySchedule(undefined)).toBeUndefined();
    expect(parseRetrySchedule('30s,2m')).toBeUndefined();
    expect(parseRetrySchedule('1000,-5')).toBeUndefined();
    expect(parseRetrySchedule('1000,,2000')).toBeUndefined();
  });
});
