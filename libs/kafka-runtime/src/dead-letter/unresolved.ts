import type { JsonObject } from '@ferry/persistence';
import { matchesDeadLetterFilter, type DeadLetterFilter } from './dead-letter-filter';
import type { DeadLetterRecord } from './dead-letter-record';

/** What the replay audit (`ferry_dead_letter_replays`) says a replay did. */
export interface RecordedReplay {
  readonly dlqTopic: string;
  readonly filter: JsonObject;
  readonly requestedAt: Date;
  readonly dryRun: boolean;
  /** Records the replay's filter selected. */
  readonly matched: number;
  /** Records published so far (all of them once the replay finished). */
  readonly replayed: number;
}

/**
 * The dead letters no replay re-delivered. A DLQ is append-only and the audit records a replay's
 * filter and count, not its records, so each replay is played back: the records of its topic that
 * its filter matches and that were already dead-lettered when it was asked for; of a replay that
 * stopped midway, only the first `replayed` of them in the order a replay publishes them
 * (partition, then offset). A dry run covers nothing. A record that
 * fails again after its replay is dead-lettered anew, as a new record: unresolved again.
 *
 * "Already dead-lettered" compares the record's DLQ timestamp (the failing consumer's clock)
 * with the replay's request time (the operator's clock): a record dead-lettered within the clock
 * skew of a replay's start may be counted on the wrong side.
 */
export function unresolvedDeadLetters(
  records: readonly DeadLetterRecord[],
  replays: readonly RecordedReplay[],
): DeadLetterRecord[] {
  const ordered = [...records].sort(byPosition);
  const replayed = new Set<DeadLetterRecord>();
  for (const replay of replays) {
    if (replay.dryRun || replay.replayed <= 0) continue;
    const filter = deadLetterFilterFromJson(replay.filter);
    if (filter === undefined) continue;
    const covered = ordered
      .filter(
        (record) =>
          record.dlqTopic === replay.dlqTopic &&
          record.timestamp <= replay.requestedAt.getTime() &&
          matchesDeadLetterFilter(record, filter),
      )
      .slice(0, replay.replayed >= replay.matched ? undefined : replay.replayed);
    for (const record of covered) replayed.add(record);
  }
  return ordered.filter((record) => !replayed.has(record));
}

/** Unresolved dead letters per fingerprint (`unknown` for records without one). */
export function countByFingerprint(records: readonly DeadLetterRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const fingerprint = record.context.fingerprint ?? 'unknown';
    counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
  }
  return counts;
}

/** When the oldest of `records` failed (its failed-at header, else its DLQ timestamp). */
export function oldestFailure(records: readonly DeadLetterRecord[]): number | undefined {
  let oldest: number | undefined;
  for (const record of records) {
    const at = record.context.failedAt ?? record.timestamp;
    if (oldest === undefined || at < oldest) oldest = at;
  }
  return oldest;
}

/**
 * The filter a replay recorded (`deadLetterFilterToJson`'s output) as a filter again; undefined
 * when the row holds something else (it would be unsafe to guess what it replayed).
 */
export function deadLetterFilterFromJson(json: JsonObject): DeadLetterFilter | undefined {
  const text = (name: string): string | undefined => {
    const value = json[name];
    return typeof value === 'string' ? value : undefined;
  };
  const instant = (name: string): number | undefined => {
    const value = text(name);
    return value === undefined ? undefined : Date.parse(value);
  };
  const position = json['position'];
  let parsedPosition: DeadLetterFilter['position'];
  if (position !== undefined) {
    if (typeof position !== 'object' || position === null || Array.isArray(position))
      return undefined;
    const { partition, offset } = position as Record<string, unknown>;
    if (typeof partition !== 'number' || typeof offset !== 'string') return undefined;
    parsedPosition = { partition, offset };
  }
  const filter: DeadLetterFilter = {
    consumerGroup: text('consumerGroup'),
    originalTopic: text('originalTopic'),
    errorClass: text('errorClass'),
    errorKind: text('errorKind'),
    fingerprint: text('fingerprint'),
    key: text('key'),
    failedFrom: instant('failedFrom'),
    failedBefore: instant('failedBefore'),
    position: parsedPosition,
  };
  const known = new Set(Object.keys(filter));
  if (Object.keys(json).some((name) => !known.has(name))) return undefined;
  if ([filter.failedFrom, filter.failedBefore].some((ms) => ms !== undefined && Number.isNaN(ms)))
    return undefined;
  return filter;
}

function byPosition(a: DeadLetterRecord, b: DeadLetterRecord): number {
  if (a.dlqPartition !== b.dlqPartition) return a.dlqPartition - b.dlqPartition;
  const diff = BigInt(a.dlqOffset) - BigInt(b.dlqOffset);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
