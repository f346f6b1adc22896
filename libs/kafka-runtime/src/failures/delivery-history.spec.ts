import { deadLetterHeaders } from '../dead-letter/dead-letter-message';
import { DeadLetterHeaders, RetryHeaders } from '../headers';
import { retryHeaders } from '../retry/retry-schedule';
import { historyOf, type FailureContext } from './delivery-history';

const firstFailure = Date.parse('2026-11-23T12:00:00Z');
const error = Object.assign(new Error('could not serialize access'), { code: '40001' });

const failure = (history: FailureContext['history'], now: number): FailureContext => ({
  history,
  consumerGroup: 'erp-sink',
  error,
  kind: 'transient',
  eventType: 'InventoryLevelSet',
  schedule: { delaysMs: [30_000, 120_000] },
  now,
});

describe('delivery history', () => {
  it('starts on the main topic at the record itself', () => {
    expect(historyOf({}, 'ferry.inventory', 3, '41')).toEqual({
      originalTopic: 'ferry.inventory',
      originalPartition: 3,
      originalOffset: '41',
      attemptsMade: 0,
      firstFailureAt: undefined,
    });
  });

  it('keeps where the event first arrived across retry records, not where the retry record sits', () => {
    const onMain = historyOf({}, 'ferry.inventory', 3, '41');
    const toTier1 = retryHeaders(failure(onMain, firstFailure), 1, firstFailure + 30_000);
    // The retry record is at partition 0, offset 0 of its own tier.
    const onTier1 = historyOf(toTier1, 'ferry.inventory.retry.30s', 0, '0');
    expect(onTier1).toEqual({
      originalTopic: 'ferry.inventory',
      originalPartition: 3,
      originalOffset: '41',
      attemptsMade: 1,
      firstFailureAt: firstFailure,
    });
    const toTier2 = retryHeaders(
      failure(onTier1, firstFailure + 31_000),
      2,
      firstFailure + 150_000,
    );
    const onTier2 = historyOf(toTier2, 'ferry.inventory.retry.2m', 1, '7');
    expect(onTier2).toMatchObject({ originalPartition: 3, originalOffset: '41', attemptsMade: 2 });
  });

  it('gives the dead letter the original topic, partition and offset of an exhausted event', () => {
    const toTier1 = retryHeaders(
      failure(historyOf({}, 'ferry.inventory', 3, '41'), firstFailure),
      1,
      firstFailure + 30_000,
    );
    const onTier1 = historyOf(toTier1, 'ferry.inventory.retry.30s', 0, '0');
    const dead = deadLetterHeaders(failure(onTier1, firstFailure + 31_000));
    expect(dead).toMatchObject({
      [DeadLetterHeaders.originalTopic]: 'ferry.inventory',
      [DeadLetterHeaders.originalPartition]: '3',
      [DeadLetterHeaders.originalOffset]: '41',
      [DeadLetterHeaders.attempts]: '1',
      [DeadLetterHeaders.firstFailureAt]: '2026-11-23T12:00:00.000Z',
    });
    expect(toTier1[RetryHeaders.originalOffset]).toBe('41');
  });

  it('carries the group’s retry schedule on retry and dead-letter records', () => {
    const onMain = historyOf({}, 'ferry.inventory', 3, '41');
    expect(retryHeaders(failure(onMain, firstFailure), 1, firstFailure)).toMatchObject({
      [RetryHeaders.schedule]: '30000,120000',
    });
    expect(deadLetterHeaders(failure(onMain, firstFailure))).toMatchObject({
      [DeadLetterHeaders.retrySchedule]: '30000,120000',
    });
  });
});
