import { FerryHeaders } from '@ferry/contracts';
import { DeadLetterHeaders } from '../headers';
import { parseRetrySchedule, type RetryPolicy } from '../retry/retry-schedule';

/** Header values as bytes, every value of a repeated header kept in order. */
export type RecordHeaders = Readonly<Record<string, readonly Buffer[]>>;

/** A record as read from a dead-letter topic, before anything is interpreted. */
export interface RawDeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Broker timestamp (when it was dead-lettered), epoch milliseconds as Kafka gives it. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
}

/**
 * Why and where a record failed, read from the DeadLetterHeaders. A header that is missing or
 * unreadable is `undefined` (records written before a header existed simply lack it).
 */
export interface DeadLetterContext {
  readonly originalTopic: string | undefined;
  readonly originalPartition: number | undefined;
  readonly originalOffset: string | undefined;
  readonly consumerGroup: string | undefined;
  /** Attempts made before giving up; 0 for a permanent failure. */
  readonly attempts: number | undefined;
  readonly firstFailureAt: number | undefined;
  readonly failedAt: number | undefined;
  readonly errorClass: string | undefined;
  readonly errorMessage: string | undefined;
  /** transient | permanent | programmer as written by the runtime; other values are kept. */
  readonly errorKind: string | undefined;
  readonly fingerprint: string | undefined;
  /** The failing group's retry schedule; undefined on records written before it was recorded. */
  readonly retrySchedule: RetryPolicy | undefined;
  readonly eventId: string | undefined;
  readonly eventType: string | undefined;
}

/** One dead-lettered record: where it sits in the DLQ, its original bytes and why it failed. */
export interface DeadLetterRecord {
  readonly dlqTopic: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  /** When it was written to the DLQ, epoch milliseconds. */
  readonly timestamp: number;
  /** The original key, value and headers plus the DeadLetterHeaders, as they are in the DLQ. */
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
  readonly context: DeadLetterContext;
}

export function parseDeadLetterRecord(raw: RawDeadLetter): DeadLetterRecord {
  const header = (name: string): string | undefined => {
    const value = raw.headers[name]?.[0]?.toString('utf8');
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    dlqTopic: raw.topic,
    dlqPartition: raw.partition,
    dlqOffset: raw.offset,
    timestamp: Number(raw.timestamp),
    key: raw.key,
    value: raw.value,
    headers: raw.headers,
    context: {
      originalTopic: header(DeadLetterHeaders.originalTopic),
      originalPartition: wholeNumber(header(DeadLetterHeaders.originalPartition)),
      originalOffset: offsetText(header(DeadLetterHeaders.originalOffset)),
      consumerGroup: header(DeadLetterHeaders.consumerGroup),
      attempts: wholeNumber(header(DeadLetterHeaders.attempts)),
      firstFailureAt: instant(header(DeadLetterHeaders.firstFailureAt)),
      failedAt: instant(header(DeadLetterHeaders.failedAt)),
      errorClass: header(DeadLetterHeaders.errorClass),
      errorMessage: header(DeadLetterHeaders.errorMessage),
      errorKind: header(DeadLetterHeaders.errorKind),
      fingerprint: header(DeadLetterHeaders.fingerprint),
      retrySchedule: parseRetrySchedule(
        raw.headers[DeadLetterHeaders.retrySchedule]?.[0]?.toString('utf8'),
      ),
      eventId: header(FerryHeaders.eventId),
      eventType: header(FerryHeaders.eventType),
    },
  };
}

/** The record's key as text (Ferry keys are UTF-8 entity ids); `undefined` for a null key. */
export function deadLetterKeyText(record: Pick<DeadLetterRecord, 'key'>): string | undefined {
  return record.key?.toString('utf8');
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

function offsetText(text: string | undefined): string | undefined {
  return text !== undefined && /^\d+$/.test(text) ? text : undefined;
}

function instant(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
