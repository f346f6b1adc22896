import { DeadLetterHeaders, ReplayHeaders, RetryHeaders } from '../headers';
import type { DeadLetterRecord, RecordHeaders } from '../dead-letter/dead-letter-record';
import { formatRetrySchedule } from '../retry/retry-schedule';

/** Where a replay re-delivers records. */
export type ReplayTarget = 'original-topic' | 'retry-now';

export interface ReplayStamp {
  readonly replayId: string;
  /** Epoch milliseconds. */
  readonly replayedAt: number;
}

/** Headers the runtime adds on failure; a replayed record starts over without them. */
const FAILURE_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(DeadLetterHeaders),
  ...Object.values(RetryHeaders),
]);

/** The headers the record had before it failed: the DLQ record's minus the failure headers. */
export function originalHeadersOf(headers: RecordHeaders): Record<string, readonly Buffer[]> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !FAILURE_HEADERS.has(name)));
}

/**
 * The headers of a replayed record: its original headers plus the replay id and time. For
 * `retry-now` also the retry headers that make only the failed group take it, as its first retry,
 * due at once; the original position and first failure carry over so that a new failure extends
 * the same history.
 */
export function replayHeaders(
  record: DeadLetterRecord,
  target: ReplayTarget,
  stamp: ReplayStamp,
): Record<string, readonly Buffer[]> {
  const replayedAt = new Date(stamp.replayedAt).toISOString();
  const added: Record<string, string | undefined> = {
    [ReplayHeaders.replayId]: stamp.replayId,
    [ReplayHeaders.replayedAt]: replayedAt,
    ...(target === 'retry-now' ? retryNowHeaders(record, replayedAt) : {}),
  };
  const headers = { ...originalHeadersOf(record.headers) };
  for (const [name, value] of Object.entries(added)) {
    if (value !== undefined) headers[name] = [Buffer.from(value, 'utf8')];
  }
  return headers;
}

function retryNowHeaders(
  record: DeadLetterRecord,
  dueAt: string,
): Record<string, string | undefined> {
  const { context } = record;
  const iso = (ms: number | undefined) =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  return {
    [RetryHeaders.consumerGroup]: context.consumerGroup,
    [RetryHeaders.attempt]: '1',
    [RetryHeaders.originalTopic]: context.originalTopic,
    [RetryHeaders.originalPartition]:
      context.originalPartition === undefined ? undefined : String(context.originalPartition),
    [RetryHeaders.originalOffset]: context.originalOffset,
    [RetryHeaders.firstFailureAt]: iso(context.firstFailureAt ?? context.failedAt),
    [RetryHeaders.lastFailureAt]: iso(context.failedAt),
    [RetryHeaders.dueAt]: dueAt,
    [RetryHeaders.errorClass]: context.errorClass,
    [RetryHeaders.errorMessage]: context.errorMessage,
    [RetryHeaders.schedule]:
      context.retrySchedule === undefined ? undefined : formatRetrySchedule(context.retrySchedule),
  };
}
