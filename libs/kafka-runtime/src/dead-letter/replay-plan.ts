import { DefaultRetryDelaysMs, retryTopicOf } from '@ferry/contracts';
import type { DeadLetterRecord } from './dead-letter-record';
import type { ReplayTarget } from './replay-headers';

export interface ReplayItem {
  readonly record: DeadLetterRecord;
  /** The topic the record is re-published to. */
  readonly destination: string;
}

export interface ReplayPlan {
  readonly items: readonly ReplayItem[];
  /** Records that cannot be replayed to `target`, one line each; nothing is sent when any. */
  readonly problems: readonly string[];
}

/**
 * Where each record goes. `original-topic`: back to the topic it was first published to, where
 * every group consuming it sees it again (groups that applied it already skip it by event id).
 * `retry-now`: to the first retry topic of that topic, named for the group that failed, so only
 * that group processes it.
 */
/** `firstRetryDelayMs`: the first delay of the failed consumer's schedule (its first retry topic). */
export function planReplay(
  records: readonly DeadLetterRecord[],
  target: ReplayTarget,
  firstRetryDelayMs: number | undefined = DefaultRetryDelaysMs[0],
): ReplayPlan {
  const items: ReplayItem[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const destination = destinationOf(record, target, firstRetryDelayMs);
    if (typeof destination === 'string') items.push({ record, destination });
    else problems.push(`${record.dlqPartition}:${record.dlqOffset} ${destination.problem}`);
  }
  return { items, problems };
}

function destinationOf(
  record: DeadLetterRecord,
  target: ReplayTarget,
  firstDelay: number | undefined,
): string | { readonly problem: string } {
  const { originalTopic, consumerGroup } = record.context;
  if (originalTopic === undefined) return { problem: 'has no original-topic header' };
  if (target === 'original-topic') return originalTopic;
  if (consumerGroup === undefined) return { problem: 'has no consumer-group header' };
  if (firstDelay === undefined) return { problem: 'cannot go to a retry topic: no retry tiers' };
  return retryTopicOf(originalTopic, firstDelay);
}
