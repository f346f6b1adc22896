import type { FailureKind } from '@ferry/failures';
import {
  resolveFailureDestination,
  type FailureDestination,
  type RetryPolicy,
} from '../retry/retry-schedule';
import type { DeliveryHistory } from './delivery-history';

/** A record whose event failed, with where it goes next, decided once when the failure is met. */
export interface FailedRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: DeliveryHistory;
  readonly error: unknown;
  readonly kind: Exclude<FailureKind, 'unavailable'>;
  readonly destination: FailureDestination;
}

export interface Failure {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: DeliveryHistory;
  readonly error: unknown;
  readonly kind: FailureKind;
}

/**
 * The failed record of `failure` at `now`: its destination (retry tier or dead-letter topic) by
 * the group's schedule. An event that failed alone because its downstream was unavailable has
 * already held its partition as long as the breaker wanted: it counts as transient from here.
 */
export function failedRecordOf(failure: Failure, schedule: RetryPolicy, now: number): FailedRecord {
  const kind = failure.kind === 'unavailable' ? 'transient' : failure.kind;
  const destination = resolveFailureDestination(
    {
      originalTopic: failure.history.originalTopic,
      attemptsMade: failure.history.attemptsMade,
      kind,
    },
    schedule,
    now,
  );
  return { ...failure, kind, destination };
}
