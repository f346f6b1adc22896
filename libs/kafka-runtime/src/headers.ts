import type { IHeaders } from './external/kafka.interface';

/**
 * Headers the runtime adds when it moves a record to a retry or dead-letter topic, next to the
 * record's original headers (which are kept as they were), and a record's headers read as text.
 * Values are UTF-8 strings; times are ISO-8601.
 */
export const RetryHeaders = {
  /** Consumer group whose handler failed; only that group processes the record. */
  consumerGroup: 'ferry-retry-group',
  /** 1 for the first retry. */
  attempt: 'ferry-retry-attempt',
  originalTopic: 'ferry-retry-original-topic',
  originalPartition: 'ferry-retry-original-partition',
  originalOffset: 'ferry-retry-original-offset',
  firstFailureAt: 'ferry-retry-first-failure-at',
  lastFailureAt: 'ferry-retry-last-failure-at',
  /** Not to be processed before this time. */
  dueAt: 'ferry-retry-due-at',
  errorClass: 'ferry-retry-error-class',
  errorMessage: 'ferry-retry-error-message',
  /** The failing group's retry delays in milliseconds, comma-separated: the tiers it moves through. */
  schedule: 'ferry-retry-schedule',
} as const;

export const DeadLetterHeaders = {
  originalTopic: 'ferry-dlq-original-topic',
  originalPartition: 'ferry-dlq-original-partition',
  originalOffset: 'ferry-dlq-original-offset',
  consumerGroup: 'ferry-dlq-consumer-group',
  /** Attempts made before giving up (0: permanent failure, never retried). */
  attempts: 'ferry-dlq-attempts',
  firstFailureAt: 'ferry-dlq-first-failure-at',
  failedAt: 'ferry-dlq-failed-at',
  errorClass: 'ferry-dlq-error-class',
  errorMessage: 'ferry-dlq-error-message',
  /** transient (retries exhausted) | permanent | programmer. */
  errorKind: 'ferry-dlq-error-kind',
  /** Stable hash of error class, message shape and event type: groups identical failures. */
  fingerprint: 'ferry-dlq-fingerprint',
  /**
   * The failing group's retry delays, as `ferry-retry-schedule`: a replay to `retry-now` goes to the
   * first tier of this schedule, never to an assumed default.
   */
  retrySchedule: 'ferry-dlq-retry-schedule',
} as const;

/** Set on a record re-delivered from the dead-letter topic by a replay. */
export const ReplayHeaders = {
  replayId: 'ferry-replay-id',
  replayedAt: 'ferry-replay-at',
} as const;

/** Kafka headers as plain strings (the first value of a repeated header). */
export function headersToRecord(headers: IHeaders | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  // for-in over the record kafkajs built: no entry arrays per header (this runs once per event).
  for (const name in headers) {
    const raw = headers[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) record[name] = value.toString();
  }
  return record;
}
