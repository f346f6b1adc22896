import { RetryHeaders } from '../headers';

export interface RetryCandidate {
  readonly offset: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface DueSplit<M> {
  /** Messages of this group that are due, to process now. */
  readonly due: M[];
  /** Messages of other groups: skipped, their offsets still committed. */
  readonly othersCount: number;
  /** Offset of the last message taken (processed or skipped); undefined when none. */
  readonly lastTakenOffset: string | undefined;
  /** The first message of this group that is not due yet, and when it is. */
  readonly waitFor: { readonly offset: string; readonly dueAt: number } | undefined;
}

/**
 * Splits a retry topic's slice at the first record of `group` that is not due at `now`. Records
 * of one retry tier share one delay, so due times only grow along a partition: everything after
 * that record waits too. Nothing sleeps: the consumer pauses the partition until `waitFor.dueAt`.
 */
export function splitDue<M extends RetryCandidate>(
  messages: readonly M[],
  group: string,
  now: number,
): DueSplit<M> {
  const due: M[] = [];
  let othersCount = 0;
  let lastTakenOffset: string | undefined;
  for (const message of messages) {
    if (message.headers[RetryHeaders.consumerGroup] !== group) {
      othersCount += 1;
      lastTakenOffset = message.offset;
      continue;
    }
    const dueAt = Date.parse(message.headers[RetryHeaders.dueAt] ?? '');
    if (!Number.isNaN(dueAt) && dueAt > now)
      return { due, othersCount, lastTakenOffset, waitFor: { offset: message.offset, dueAt } };
    due.push(message);
    lastTakenOffset = message.offset;
  }
  return { due, othersCount, lastTakenOffset, waitFor: undefined };
}
