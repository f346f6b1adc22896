import type { FailureKind } from '@ferry/failures';
import { RetryHeaders } from '../headers';

/** Where a delivery stands in its retry history, read from a record's headers. */
export interface DeliveryHistory {
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  /** Retries already made. */
  readonly attemptsMade: number;
  readonly firstFailureAt: number | undefined;
}

/** Everything a retry or dead-letter record says about the failure that sent it there. */
export interface FailureContext {
  readonly history: DeliveryHistory;
  readonly consumerGroup: string;
  readonly error: unknown;
  readonly kind: FailureKind;
  readonly eventType: string;
  /** The failing group's retry delays (its RetryPolicy), carried in the record's headers. */
  readonly schedule: { readonly delaysMs: readonly number[] };
  readonly now: number;
}

const RUNTIME_HEADER = /^ferry-(retry|dlq)-/;

/** Reads the retry history of a delivery; a record from the main topic has none yet. */
export function historyOf(
  headers: Readonly<Record<string, string>>,
  topic: string,
  partition: number,
  offset: string,
): DeliveryHistory {
  const originalTopic = headers[RetryHeaders.originalTopic];
  if (originalTopic === undefined) {
    return {
      originalTopic: topic,
      originalPartition: partition,
      originalOffset: offset,
      attemptsMade: 0,
      firstFailureAt: undefined,
    };
  }
  const firstFailure = Date.parse(headers[RetryHeaders.firstFailureAt] ?? '');
  return {
    originalTopic,
    originalPartition: Number(headers[RetryHeaders.originalPartition] ?? partition),
    originalOffset: headers[RetryHeaders.originalOffset] ?? offset,
    attemptsMade: Number(headers[RetryHeaders.attempt] ?? 0),
    firstFailureAt: Number.isNaN(firstFailure) ? undefined : firstFailure,
  };
}

/** The record's own headers, without what the runtime added on earlier failures. */
export function originalHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !RUNTIME_HEADER.test(name)));
}

/** The error's class and message as the failure headers carry them (the message capped). */
export function describeError(error: unknown): { errorClass: string; message: string } {
  if (error instanceof Error)
    return { errorClass: error.name, message: error.message.slice(0, 1000) };
  return { errorClass: typeof error, message: String(error).slice(0, 1000) };
}
