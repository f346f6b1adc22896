import { RetryHeaders } from '../headers';
import { describeError, type FailureContext } from '../failures/delivery-history';
import { formatRetrySchedule } from './retry-schedule';

/**
 * The headers of a record moved to retry tier `attempt`, due at `dueAt`: only the failing group
 * takes it, and its history (where it first arrived, when it first failed) carries over.
 */
export function retryHeaders(
  context: FailureContext,
  attempt: number,
  dueAt: number,
): Record<string, string> {
  const { errorClass, message } = describeError(context.error);
  return {
    [RetryHeaders.consumerGroup]: context.consumerGroup,
    [RetryHeaders.attempt]: String(attempt),
    [RetryHeaders.originalTopic]: context.history.originalTopic,
    [RetryHeaders.originalPartition]: String(context.history.originalPartition),
    [RetryHeaders.originalOffset]: context.history.originalOffset,
    [RetryHeaders.firstFailureAt]: new Date(
      context.history.firstFailureAt ?? context.now,
    ).toISOString(),
    [RetryHeaders.lastFailureAt]: new Date(context.now).toISOString(),
    [RetryHeaders.dueAt]: new Date(dueAt).toISOString(),
    [RetryHeaders.errorClass]: errorClass,
    [RetryHeaders.errorMessage]: message,
    [RetryHeaders.schedule]: formatRetrySchedule(context.schedule),
  };
}
