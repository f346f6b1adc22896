import { retryTopicOf } from '@ferry/contracts';
import type { DeadLetterRecord } from '../dead-letter/dead-letter-record';
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
 * `retry-now`: to the first retry topic of the schedule the record failed under (its
 * `ferry-dlq-retry-schedule` header), named for the group that failed, so only that group
 * processes it. No schedule is assumed: a record without one can only go back to its topic.
 */
export function planReplay(records: readonly DeadLetterRecord[], target: ReplayTarget): ReplayPlan {
  const items: ReplayItem[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const destination = destinationOf(record, target);
    if (typeof destination === 'string') items.push({ record, destination });
    else problems.push(`${record.dlqPartition}:${record.dlqOffset} ${destination.problem}`);
  }
  return { items, problems };
}

function destinationOf(
  record: DeadLetterRecord,
  target: ReplayTarget,
): string | { readonly problem: string } {
  const { originalTopic, consumerGroup, retrySchedule } = record.context;
  if (originalTopic === undefined) return { problem: 'has no original-topic header' };
  if (target === 'original-topic') return originalTopic;
  if (consumerGroup === undefined) return { problem: 'has no consumer-group header' };
  if (retrySchedule === undefined)
    return {
      problem:
        'has no retry-schedule header (dead-lettered before Ferry recorded it): ' +
        'replay it to its original topic',
    };
  const firstDelay = retrySchedule.delaysMs[0];
  if (firstDelay === undefined) return { problem: 'cannot go to a retry topic: no retry tiers' };
  return retryTopicOf(originalTopic, firstDelay);
}
