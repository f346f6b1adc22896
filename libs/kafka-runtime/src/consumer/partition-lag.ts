import { consumerMetrics } from './consumer-metrics';

interface Lag {
  readonly topic: string;
  readonly partition: number;
  readonly records: number;
  /** Paused until its first record is due (a retry tier): waiting, not stuck. */
  readonly waiting: boolean;
}

/**
 * Records behind on each partition this instance consumes, as of its last batch: as
 * `ferry_consumer_fetch_lag_records` (what this instance saw; Kafka's lag of the whole group, also
 * while no instance runs, is the lag exporter's), and for health, which counts only records the
 * consumer could be working on (not those a retry tier holds until they are due). Partitions a
 * rebalance took away are forgotten, so that neither counts lag another instance now owns.
 */
export class PartitionLag {
  private readonly lag = new Map<string, Lag>();

  constructor(private readonly group: string) {}

  set(topic: string, partition: number, records: number): void {
    this.lag.set(`${topic}:${partition}`, { topic, partition, records, waiting: false });
    consumerMetrics.lag.set(this.labels(topic, partition), records);
  }

  /** The partition is paused until its next record is due; its lag is no sign of a stall. */
  waitingUntilDue(topic: string, partition: number): void {
    const known = this.lag.get(`${topic}:${partition}`);
    if (known) this.lag.set(`${topic}:${partition}`, { ...known, waiting: true });
  }

  /** Records the consumer could be working on now. */
  workable(): number {
    let total = 0;
    for (const { records, waiting } of this.lag.values()) if (!waiting) total += records;
    return total;
  }

  /** Keeps the partitions of `assignment` (topic → partitions), as a group join hands it out. */
  keepOnly(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.lag) {
      if (assignment[topic]?.includes(partition)) continue;
      this.lag.delete(key);
      consumerMetrics.lag.remove(this.labels(topic, partition));
    }
  }

  clear(): void {
    this.keepOnly({});
  }

  private labels(topic: string, partition: number) {
    return { group: this.group, topic, partition: String(partition) };
  }
}
