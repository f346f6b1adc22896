import { deadLetterTopicOf, retryTopicOf } from '@ferry/contracts';
import type { FailureKind } from '@ferry/failures';
import { describeError, type FailureContext } from '../failures/delivery-history';
import { RetryHeaders } from '../headers';

/**
 * A consumer's retry schedule: one retry topic per delay. Every retry and dead-letter record
 * carries it in its headers (`formatRetrySchedule`), so whatever handles the record later (a
 * replay) uses the schedule it failed under.
 */
export interface RetryPolicy {
  /** Delay before each retry; its length is the number of retries. */
  readonly delaysMs: readonly number[];
}

/** The schedule as a header value: delays in milliseconds, comma-separated ('' when none). */
export function formatRetrySchedule(policy: RetryPolicy): string {
  return policy.delaysMs.join(',');
}

/** The schedule a header value names; undefined when it is missing or not a list of delays. */
export function parseRetrySchedule(text: string | undefined): RetryPolicy | undefined {
  if (text === undefined) return undefined;
  if (text === '') return { delaysMs: [] };
  const delaysMs = text.split(',').map(Number);
  return delaysMs.every((delay) => Number.isSafeInteger(delay) && delay > 0)
    ? { delaysMs }
    : undefined;
}

export interface FailedDelivery {
  /** The topic the event was first published to. */
  readonly originalTopic: string;
  /** Retries already made (0 when it failed on the main topic). */
  readonly attemptsMade: number;
  readonly kind: Exclude<FailureKind, 'unavailable'>;
}

export type FailureDestination =
  | {
      readonly to: 'retry';
      readonly topic: string;
      readonly attempt: number;
      readonly dueAt: number;
    }
  | {
      readonly to: 'dead-letter';
      readonly topic: string;
      readonly reason: 'permanent' | 'programmer' | 'exhausted';
    };

/**
 * Where a failed event goes next. Permanent and programmer failures go straight to the
 * dead-letter topic; a transient one to the retry topic of its next delay, due `delay` after
 * `now`; after the last delay, to the dead-letter topic.
 */
export function resolveFailureDestination(
  failure: FailedDelivery,
  policy: RetryPolicy,
  now: number,
): FailureDestination {
  if (failure.kind !== 'transient') {
    return {
      to: 'dead-letter',
      topic: deadLetterTopicOf(failure.originalTopic),
      reason: failure.kind,
    };
  }
  const delay = policy.delaysMs[failure.attemptsMade];
  if (delay === undefined) {
    return {
      to: 'dead-letter',
      topic: deadLetterTopicOf(failure.originalTopic),
      reason: 'exhausted',
    };
  }
  return {
    to: 'retry',
    topic: retryTopicOf(failure.originalTopic, delay),
    attempt: failure.attemptsMade + 1,
    dueAt: now + delay,
  };
}

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
