import { gauge, type Logger } from '@ferry/observability';
import { listEffectiveReplays, type Database } from '@ferry/persistence';
import { fetchPartitionOffsets } from '../admin/offsets';
import type { Admin, Kafka } from '../external/kafka.interface';
import type { DeadLetterRecord } from './dead-letter-record';
import type { PartitionRead } from './read-plan';
import { scanPartitions } from './scan-partitions';
import {
  countByFingerprint,
  oldestFailure,
  unresolvedDeadLetters,
  type RecordedReplay,
} from './unresolved';

export const unresolvedMetrics = {
  unresolved: gauge(
    'ferry_dlq_unresolved',
    'Dead letters neither replayed nor resolved, by failure fingerprint',
    ['topic', 'fingerprint'],
  ),
  oldestAge: gauge(
    'ferry_dlq_oldest_unresolved_age_seconds',
    'Age of the oldest unresolved dead letter (now − when it failed); 0 when there is none',
    ['topic'],
  ),
};

export interface DeadLetterBacklogOptions {
  /** Dead-letter topics are the topics whose names start so and end in `.dlq`. */
  readonly topicPrefix: string;
  /** Holds the replay audit; the schemas where `ferry_dead_letter_replays` is kept. */
  readonly database: Database;
  readonly auditSchemas: readonly string[];
  /** Fails a read of a topic when no batch arrives for this long. */
  readonly idleTimeoutMs: number;
}

/**
 * The dead letters not yet replayed, per dead-letter topic and failure fingerprint. Each poll reads
 * only what was dead-lettered since the last one (records are kept without their value, and
 * forgotten once retention removed them), then plays the replay audit back over them (see
 * `unresolvedDeadLetters`). Ferry has no other way to resolve a dead letter than to replay it.
 */
export class DeadLetterBacklog {
  private readonly records = new Map<string, Map<number, DeadLetterRecord[]>>();
  private readonly next = new Map<string, bigint>();

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    private readonly options: DeadLetterBacklogOptions,
  ) {}

  async poll(admin: Admin, nowMs: number): Promise<void> {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(this.options.topicPrefix) && topic.endsWith('.dlq'),
    );
    for (const topic of topics) await this.readNew(admin, topic);
    for (const topic of [...this.records.keys()])
      if (!topics.includes(topic)) this.records.delete(topic);
    const replays = await this.replays();
    unresolvedMetrics.unresolved.reset();
    unresolvedMetrics.oldestAge.reset();
    for (const [topic, byPartition] of this.records) {
      const unresolved = unresolvedDeadLetters([...byPartition.values()].flat(), replays);
      for (const [fingerprint, count] of countByFingerprint(unresolved))
        unresolvedMetrics.unresolved.set({ topic, fingerprint }, count);
      const oldest = oldestFailure(unresolved);
      unresolvedMetrics.oldestAge.set(
        { topic },
        oldest === undefined ? 0 : Math.max(0, (nowMs - oldest) / 1000),
      );
    }
  }

  /** Reads what was appended to `topic` since the last poll; drops what retention removed. */
  private async readNew(admin: Admin, topic: string): Promise<void> {
    const offsets = await fetchPartitionOffsets(admin, topic);
    const byPartition = this.records.get(topic) ?? new Map<number, DeadLetterRecord[]>();
    this.records.set(topic, byPartition);
    const reads: PartitionRead[] = [];
    for (const { partition, low, high } of offsets) {
      const key = `${topic}:${partition}`;
      const kept = (byPartition.get(partition) ?? []).filter(
        (r) => BigInt(r.dlqOffset) >= BigInt(low),
      );
      byPartition.set(partition, kept);
      const from = this.next.get(key) ?? BigInt(low);
      const start = from > BigInt(low) ? from : BigInt(low);
      if (BigInt(high) > start) reads.push({ partition, from: start, to: BigInt(high) - 1n });
    }
    if (reads.length === 0) return;
    const { accepted } = await scanPartitions(this.kafka, admin, this.logger, {
      topic,
      reads,
      accept: () => true,
      idleTimeoutMs: this.options.idleTimeoutMs,
    });
    for (const record of accepted)
      byPartition.get(record.dlqPartition)?.push({ ...record, value: null, headers: {} });
    for (const read of reads) this.next.set(`${topic}:${read.partition}`, read.to + 1n);
  }

  private async replays(): Promise<RecordedReplay[]> {
    const all: RecordedReplay[] = [];
    for (const schema of this.options.auditSchemas)
      all.push(...(await listEffectiveReplays(this.options.database, schema)));
    return all;
  }
}
