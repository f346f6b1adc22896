import { counter, gauge } from '@ferry/observability';
import { GroupStates, lagSecondsOf, type GroupLag } from './group-lag';

export const lagMetrics = {
  records: gauge(
    'ferry_consumergroup_lag_records',
    "Log end offset − the group's committed offset (Kafka's lag); where the group committed nothing, counted from the earliest offset in the log",
    ['group', 'topic', 'partition'],
  ),
  seconds: gauge(
    'ferry_consumergroup_lag_seconds',
    'Age of the oldest record the group has not consumed (now − the timestamp of the record at its committed offset); 0 without lag',
    ['group', 'topic', 'partition'],
  ),
  members: gauge('ferry_consumergroup_members', 'Members of the consumer group', ['group']),
  state: gauge('ferry_consumergroup_state', "1 for the group's current state, 0 for the others", [
    'group',
    'state',
  ]),
  lastSuccess: gauge(
    'ferry_lag_exporter_last_success_timestamp_seconds',
    'When the lag exporter last read every group from Kafka (epoch seconds)',
    [],
  ),
  errors: counter(
    'ferry_lag_exporter_errors_total',
    'Failed reads of the lag exporter: offsets (groups and offsets; nothing updated), timestamps (some lag in seconds unknown), dead_letters',
    ['kind'],
  ),
};

export type LagErrorKind = 'offsets' | 'timestamps' | 'dead_letters';

/** Timestamps by `RecordTimestamps.keyOf` position. */
export type TimestampLookup = (
  topic: string,
  partition: number,
  offset: bigint,
) => number | undefined;

/**
 * Replaces every group series with those of `groups`: a group, topic or partition no longer read
 * disappears instead of keeping its last value. Synchronous, so a scrape never sees it half done.
 * A partition whose oldest record's timestamp is unknown has no lag-seconds series this round.
 */
export function publishGroupLag(
  groups: readonly GroupLag[],
  timestampOf: TimestampLookup,
  nowMs: number,
): void {
  lagMetrics.records.reset();
  lagMetrics.seconds.reset();
  lagMetrics.members.reset();
  lagMetrics.state.reset();
  for (const group of groups) {
    lagMetrics.members.set({ group: group.group }, group.members);
    for (const state of GroupStates)
      lagMetrics.state.set({ group: group.group, state }, state === group.state ? 1 : 0);
    for (const lag of group.partitions) {
      const labels = { group: group.group, topic: lag.topic, partition: String(lag.partition) };
      lagMetrics.records.set(labels, lag.lagRecords);
      const timestamp =
        lag.firstUnconsumedOffset === undefined
          ? undefined
          : timestampOf(lag.topic, lag.partition, lag.firstUnconsumedOffset);
      const seconds = lagSecondsOf(lag, timestamp, nowMs);
      if (seconds !== undefined) lagMetrics.seconds.set(labels, seconds);
    }
  }
  lagMetrics.lastSuccess.set(nowMs / 1000);
}
