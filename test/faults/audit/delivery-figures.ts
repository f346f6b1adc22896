import { deriveEventId, FerryHeaders } from '@ferry/contracts';
import { readTopicToEnd } from '@ferry/kafka-runtime';
import type { SqlExecutor } from '@ferry/persistence';
import type { WmsSnapshotLoad } from '../load/wms-snapshot-load';
import type { Measurement } from '../report/fault-case';
import { deliveriesOf, eventsAppliedTwice, recordedEventIds } from './effect-audit';
import { recoveryAfter } from './recovery';

export interface DeliveryFigures {
  /** Acknowledged events `group` never recorded as processed. */
  readonly lost: readonly string[];
  /** Events the audit saw recorded or written more than once. */
  readonly doubled: readonly string[];
  /** From `from` until every affected partition applied again; undefined: never. */
  readonly recoverMs: number | undefined;
}

/** What the audit and the dedup table of `group` say about the events `load` sent. */
export async function deliveryFigures(
  db: SqlExecutor,
  group: string,
  load: WmsSnapshotLoad,
  topic: TopicContents,
  from: number,
): Promise<DeliveryFigures> {
  const acknowledged = load.oracle.eventIds();
  const recorded = await recordedEventIds(db, group);
  // Only what reached the topic is work the consumers could do: a write missing from Kafka is
  // counted as lost, not held against their recovery.
  const consumable = new Set([...acknowledged].filter((id) => topic.eventIds.has(id)));
  const recovery = recoveryAfter(from, await deliveriesOf(db, group), consumable, (id) =>
    topic.partitionOf.get(id),
  );
  return {
    lost: [...acknowledged].filter((id) => !recorded.has(id)),
    doubled: await eventsAppliedTwice(db, group),
    recoverMs: recovery.recoverMs,
  };
}

/**
 * The failures those figures are, one line each, `from` the moment the case times from. A lost
 * event is told apart by whether Kafka holds it: present, the consumer side passed it by;
 * absent, an acknowledged write is missing from the topic, and when an earlier version of its
 * entity is there, it is a gap (compaction would have removed the earlier one first).
 */
export function deliveryFailures(
  figures: DeliveryFigures,
  topic: TopicContents,
  load: WmsSnapshotLoad,
  from: number,
): string[] {
  const { lost, doubled } = figures;
  const failures: string[] = [];
  if (lost.length > 0) {
    const absent = lost.filter((id) => !topic.eventIds.has(id));
    failures.push(
      `${lost.length} acknowledged events lost (${lost.length - absent.length} of them on the ` +
        `topic, ${absent.length} not), e.g. ${lost[0]}`,
    );
    if (absent.length > 0) failures.push(absentDetail(absent, topic, load, from));
  }
  if (doubled.length > 0)
    failures.push(`${doubled.length} events applied twice, e.g. ${doubled[0]}`);
  return failures;
}

/** Where and when the acknowledged events missing from the topic were, and whether they are gaps. */
function absentDetail(
  absent: readonly string[],
  topic: TopicContents,
  load: WmsSnapshotLoad,
  from: number,
): string {
  const events = new Map(load.oracle.sentEvents().map((event) => [event.eventId, event]));
  const partitions = new Map<number, number>();
  const acknowledged: number[] = [];
  let gaps = 0;
  for (const id of absent) {
    const partition = topic.partitionOf.get(id) ?? -1;
    partitions.set(partition, (partitions.get(partition) ?? 0) + 1);
    const at = load.acknowledgementOf(id);
    if (at !== undefined) acknowledged.push(at - from);
    const event = events.get(id);
    if (event === undefined) continue;
    for (let version = 1; version < event.sourceVersion; version++) {
      if (topic.eventIds.has(deriveEventId(event.sourceSystem, event.entityId, version))) {
        gaps += 1;
        break;
      }
    }
  }
  const byPartition = [...partitions]
    .sort(([a], [b]) => a - b)
    .map(([partition, count]) => `${partition}: ${count}`)
    .join(', ');
  const seconds = (ms: number) => `${ms < 0 ? '' : '+'}${(ms / 1000).toFixed(1)} s`;
  const when =
    acknowledged.length === 0
      ? ''
      : `, acknowledged from ${seconds(Math.min(...acknowledged))} to ${seconds(Math.max(...acknowledged))}`;
  return (
    `the ${absent.length} missing from the topic: by partition {${byPartition}}${when}; ` +
    `${gaps} with an earlier version of their entity on the topic`
  );
}

/** Where the events of a load are on their topic, as read back from Kafka. */
export interface TopicContents {
  /** The partition of every event the load sent, by event id (from where its entity went). */
  readonly partitionOf: ReadonlyMap<string, number>;
  /** Event ids the topic holds (the `ferry-event-id` header of each record). */
  readonly eventIds: ReadonlySet<string>;
}

/** Reads `topic` to its end: the test assumes neither the partitioner nor what reached Kafka. */
export async function topicContents(
  brokers: readonly string[],
  topic: string,
  load: WmsSnapshotLoad,
): Promise<TopicContents> {
  const records = await readTopicToEnd(
    { brokers, clientId: 'fault-suite', connectionTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
    topic,
    60_000,
  );
  const partitionOfEntity = new Map(records.map((record) => [record.key, record.partition]));
  const partitionOf = new Map<string, number>();
  for (const event of [...load.oracle.sentEvents(), ...load.unacknowledged().values()]) {
    const partition = partitionOfEntity.get(event.entityId);
    if (partition !== undefined) partitionOf.set(event.eventId, partition);
  }
  const eventIds = new Set(records.flatMap((record) => record.headers[FerryHeaders.eventId] ?? []));
  return { partitionOf, eventIds };
}

/** A case's measurement: its delivery figures and every failure the case found. */
export function deliveryMeasurement(
  load: WmsSnapshotLoad,
  figures: DeliveryFigures,
  failures: readonly string[],
  extraFigures: Measurement['figures'] = {},
): Measurement {
  return {
    events: load.oracle.eventCount,
    lost: figures.lost.length,
    doubled: figures.doubled.length,
    recoverMs: figures.recoverMs,
    failures,
    figures: extraFigures,
  };
}
