import type { PartitionOffsets } from '../admin/offsets';

/** A classic consumer group's state, as the group coordinator reports it. */
export const GroupStates = [
  'Stable',
  'PreparingRebalance',
  'CompletingRebalance',
  'Empty',
  'Dead',
  'Unknown',
] as const;
export type GroupState = (typeof GroupStates)[number];

export function groupStateOf(reported: string): GroupState {
  return (GroupStates as readonly string[]).includes(reported)
    ? (reported as GroupState)
    : 'Unknown';
}

/**
 * One partition a group reads, as Kafka's own `kafka-consumer-groups --describe` shows it:
 * LOG-END-OFFSET, CURRENT-OFFSET (the committed offset; none shows as "-") and LAG.
 */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly logEndOffset: bigint;
  /** Undefined when the group never committed an offset on this partition. */
  readonly committedOffset: bigint | undefined;
  /** Records between where the group would resume and the end of the log. */
  readonly lagRecords: number;
  /**
   * The first record the group has not consumed (the committed offset, or the earliest offset
   * still in the log when retention removed it or nothing was committed); undefined when the
   * group is at the end.
   */
  readonly firstUnconsumedOffset: bigint | undefined;
}

export interface GroupLag {
  readonly group: string;
  readonly state: GroupState;
  readonly members: number;
  readonly partitions: readonly PartitionLag[];
}

/**
 * Lag as Kafka defines it: log end offset − committed offset. Where the group committed nothing
 * Kafka's tool shows "-"; Ferry counts from the earliest offset still in the log, where its
 * consumers (which start from the beginning) would begin. A committed offset below the earliest
 * one (retention deleted those records) still counts from the committed offset, as Kafka's tool
 * does, but the first record the group will see is the earliest one.
 */
export function partitionLagOf(
  topic: string,
  offsets: PartitionOffsets,
  committed: bigint | undefined,
): PartitionLag {
  const low = BigInt(offsets.low);
  const high = BigInt(offsets.high);
  const from = committed ?? low;
  const lag = high > from ? high - from : 0n;
  const first = from > low ? from : low;
  return {
    topic,
    partition: offsets.partition,
    logEndOffset: high,
    committedOffset: committed,
    lagRecords: Number(lag),
    firstUnconsumedOffset: lag > 0n && first < high ? first : undefined,
  };
}

/** A committed offset as kafkajs gives it ("-1": none) or undefined. */
export function committedOffsetOf(offset: string | undefined): bigint | undefined {
  if (offset === undefined || !/^\d+$/.test(offset)) return undefined;
  return BigInt(offset);
}

/**
 * Seconds the oldest unconsumed record has waited: now − its timestamp, 0 when nothing waits,
 * never negative (a producer clock ahead of ours would make it so).
 */
export function lagSecondsOf(
  lag: PartitionLag,
  timestampMs: number | undefined,
  nowMs: number,
): number | undefined {
  if (lag.firstUnconsumedOffset === undefined) return 0;
  if (timestampMs === undefined) return undefined;
  return Math.max(0, (nowMs - timestampMs) / 1000);
}
