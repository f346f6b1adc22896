import type { JsonObject, JsonValue } from '@ferry/persistence';
import { deadLetterKeyText, type DeadLetterRecord } from './dead-letter-record';

/** One record of a dead-letter topic by its place in it. */
export interface DeadLetterPosition {
  readonly partition: number;
  readonly offset: string;
}

/**
 * Which dead-lettered records an operation applies to. Every condition given must hold; an empty
 * filter matches every record. A record lacking the header a condition reads does not match it.
 */
export interface DeadLetterFilter {
  readonly consumerGroup?: string;
  readonly originalTopic?: string;
  readonly errorClass?: string;
  readonly errorKind?: string;
  readonly fingerprint?: string;
  /** The record key as UTF-8 text. */
  readonly key?: string;
  /** failedAt at or after this instant, epoch milliseconds. */
  readonly failedFrom?: number;
  /** failedAt strictly before this instant, epoch milliseconds. */
  readonly failedBefore?: number;
  /** Exactly this record of the dead-letter topic. */
  readonly position?: DeadLetterPosition;
}

export function matchesDeadLetterFilter(
  record: DeadLetterRecord,
  filter: DeadLetterFilter,
): boolean {
  const { context } = record;
  const same = (wanted: string | undefined, actual: string | undefined): boolean =>
    wanted === undefined || wanted === actual;
  return (
    same(filter.consumerGroup, context.consumerGroup) &&
    same(filter.originalTopic, context.originalTopic) &&
    same(filter.errorClass, context.errorClass) &&
    same(filter.errorKind, context.errorKind) &&
    same(filter.fingerprint, context.fingerprint) &&
    same(filter.key, deadLetterKeyText(record)) &&
    withinFailedRange(context.failedAt, filter) &&
    atPosition(record, filter.position)
  );
}

/** What is wrong with a filter (empty when nothing is): a caller's mistake, never retried. */
export function deadLetterFilterProblems(filter: DeadLetterFilter): string[] {
  const problems: string[] = [];
  const { position, failedFrom, failedBefore } = filter;
  if (position !== undefined) {
    if (!Number.isSafeInteger(position.partition) || position.partition < 0)
      problems.push(`partition ${position.partition} is not a partition number`);
    if (!/^\d+$/.test(position.offset))
      problems.push(`offset "${position.offset}" is not an offset`);
  }
  for (const [name, instant] of Object.entries({ failedFrom, failedBefore })) {
    if (instant !== undefined && !Number.isFinite(instant)) problems.push(`${name} is not a time`);
  }
  if (failedFrom !== undefined && failedBefore !== undefined && failedFrom >= failedBefore)
    problems.push('the failedAt range is empty (failedFrom is not before failedBefore)');
  return problems;
}

/** True when the filter has no condition at all, so it would select the whole topic. */
export function isEmptyDeadLetterFilter(filter: DeadLetterFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/** The filter as plain JSON (instants as ISO-8601), for the replay audit and `--json` output. */
export function deadLetterFilterToJson(filter: DeadLetterFilter): JsonObject {
  const iso = (ms: number | undefined) =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  const { position } = filter;
  const entries: [string, JsonValue | undefined][] = [
    ['consumerGroup', filter.consumerGroup],
    ['originalTopic', filter.originalTopic],
    ['errorClass', filter.errorClass],
    ['errorKind', filter.errorKind],
    ['fingerprint', filter.fingerprint],
    ['key', filter.key],
    ['failedFrom', iso(filter.failedFrom)],
    ['failedBefore', iso(filter.failedBefore)],
    ['position', position && { partition: position.partition, offset: position.offset }],
  ];
  const json: Record<string, JsonValue> = {};
  for (const [name, value] of entries) if (value !== undefined) json[name] = value;
  return json;
}

function withinFailedRange(failedAt: number | undefined, filter: DeadLetterFilter): boolean {
  if (filter.failedFrom === undefined && filter.failedBefore === undefined) return true;
  if (failedAt === undefined) return false;
  if (filter.failedFrom !== undefined && failedAt < filter.failedFrom) return false;
  return filter.failedBefore === undefined || failedAt < filter.failedBefore;
}

function atPosition(record: DeadLetterRecord, position: DeadLetterPosition | undefined): boolean {
  if (position === undefined) return true;
  return (
    record.dlqPartition === position.partition &&
    BigInt(record.dlqOffset) === BigInt(position.offset)
  );
}
