import { createHash } from 'node:crypto';
import { DeadLetterHeaders, RetryHeaders } from '../headers';
import type { FailureKind } from '@ferry/failures';

/** Where a delivery stands in its retry history, read from a record's headers. */
export interface DeliveryHistory {
  readonly originalTopic: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
  /** Retries already made. */
  readonly attemptsMade: number;
  readonly firstFailureAt: number | undefined;
}

export interface FailureContext {
  readonly history: DeliveryHistory;
  readonly consumerGroup: string;
  readonly error: unknown;
  readonly kind: FailureKind;
  readonly eventType: string;
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

function describe(error: unknown): { errorClass: string; message: string } {
  if (error instanceof Error)
    return { errorClass: error.name, message: error.message.slice(0, 1000) };
  return { errorClass: typeof error, message: String(error).slice(0, 1000) };
}

/**
 * Groups failures that are the same problem: error class, the message with its numbers and ids
 * blanked out, and the event type.
 */
export function failureFingerprint(error: unknown, eventType: string): string {
  const { errorClass, message } = describe(error);
  const shape = message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '<id>').replace(/\d+/g, '#');
  return createHash('sha256')
    .update(`${errorClass}\u001f${shape}\u001f${eventType}`)
    .digest('hex')
    .slice(0, 16);
}

export function retryHeaders(
  context: FailureContext,
  attempt: number,
  dueAt: number,
): Record<string, string> {
  const { errorClass, message } = describe(context.error);
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
  };
}

export function deadLetterHeaders(context: FailureContext): Record<string, string> {
  const { errorClass, message } = describe(context.error);
  return {
    [DeadLetterHeaders.originalTopic]: context.history.originalTopic,
    [DeadLetterHeaders.originalPartition]: String(context.history.originalPartition),
    [DeadLetterHeaders.originalOffset]: context.history.originalOffset,
    [DeadLetterHeaders.consumerGroup]: context.consumerGroup,
    [DeadLetterHeaders.attempts]: String(context.history.attemptsMade),
    [DeadLetterHeaders.firstFailureAt]: new Date(
      context.history.firstFailureAt ?? context.now,
    ).toISOString(),
    [DeadLetterHeaders.failedAt]: new Date(context.now).toISOString(),
    [DeadLetterHeaders.errorClass]: errorClass,
    [DeadLetterHeaders.errorMessage]: message,
    [DeadLetterHeaders.errorKind]:
      context.kind === 'programmer' || context.kind === 'permanent' ? context.kind : 'transient',
    [DeadLetterHeaders.fingerprint]: failureFingerprint(context.error, context.eventType),
  };
}
