import { silentLogger } from '@ferry/observability';
import { fetchPartitionOffsets } from '../admin/offsets';
import { createKafka, type KafkaConnection } from '../connection';
import type { Consumer, Kafka } from '../external/kafka.interface';

/** One record as written: where it landed and the timestamp it carries. */
export interface WrittenRecord {
  readonly partition: number;
  readonly offset: bigint;
  readonly timestampMs: number;
}

/**
 * Writes `perPartition` plain records to each of `partitions` partitions of `topic`, in sends
 * of `batch` records, record i of a partition with the timestamp `timestampOf(partition, i)`
 * (CreateTime). Resolves with where each landed, from the broker's acknowledgements: the oracle
 * of the lag tests.
 */
export async function writeTimedRecords(
  connection: KafkaConnection,
  options: {
    readonly topic: string;
    readonly partitions: number;
    readonly perPartition: number;
    readonly batch: number;
    readonly timestampOf: (partition: number, index: number) => number;
  },
): Promise<WrittenRecord[]> {
  const producer = kafkaOf(connection).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const written: WrittenRecord[] = [];
  try {
    for (let start = 0; start < options.perPartition; start += options.batch) {
      const count = Math.min(options.batch, options.perPartition - start);
      for (let partition = 0; partition < options.partitions; partition++) {
        const timestamps = Array.from({ length: count }, (_, i) =>
          options.timestampOf(partition, start + i),
        );
        const [ack] = await producer.send({
          topic: options.topic,
          acks: -1,
          messages: timestamps.map((timestamp, i) => ({
            partition,
            key: `k${partition}-${start + i}`,
            value: `v${start + i}`,
            timestamp: String(timestamp),
          })),
        });
        if (ack?.baseOffset === undefined) throw new Error('no acknowledgement with an offset');
        const base = BigInt(ack.baseOffset);
        timestamps.forEach((timestampMs, i) => {
          written.push({ partition, offset: base + BigInt(i), timestampMs });
        });
      }
    }
  } finally {
    await producer.disconnect();
  }
  return written;
}

/**
 * A member of a consumer group that works slowly: each record takes `msPerRecord`, and its offset
 * is committed right after, so the group's committed offsets trail the log by what it has not
 * done yet. `hold` stops it between two records (it keeps heartbeating, so it stays a member and
 * nothing more is committed) until `release`.
 */
export class SlowGroupMember {
  private readonly consumer: Consumer;
  private held = false;
  private holding = false;
  private consumed = 0;

  constructor(
    connection: KafkaConnection,
    private readonly group: string,
    private readonly topic: string,
    private readonly msPerRecord: number,
  ) {
    this.consumer = kafkaOf(connection).consumer({
      groupId: group,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      maxBytesPerPartition: 16 * 1024,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const going = () => payload.isRunning() && !payload.isStale();
        for (const message of batch.messages) {
          while (this.held && going()) {
            this.holding = true;
            await sleep(200);
            await payload.heartbeat();
          }
          this.holding = false;
          if (!going()) return;
          await sleep(this.msPerRecord);
          await this.consumer.commitOffsets([
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: (BigInt(message.offset) + 1n).toString(),
            },
          ]);
          this.consumed += 1;
          await payload.heartbeat();
        }
      },
    });
  }

  /** Records consumed (and committed) so far. */
  get progress(): number {
    return this.consumed;
  }

  /** Stops before the next record; resolves once it waits there (nothing more is committed). */
  async hold(timeoutMs = 10_000): Promise<void> {
    this.held = true;
    const deadline = Date.now() + timeoutMs;
    while (!this.holding) {
      if (Date.now() > deadline) throw new Error(`${this.group} did not reach a hold`);
      await sleep(50);
    }
  }

  release(): void {
    this.held = false;
  }

  /**
   * Leaves the group (as a stopped service does): it becomes Empty, its offsets stay. A held
   * member stays held: it commits nothing more on its way out.
   */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** Whether every partition of `topic` has been written to its end, as the broker says. */
export async function logEndOffsets(
  connection: KafkaConnection,
  topic: string,
): Promise<Map<number, bigint>> {
  const admin = kafkaOf(connection).admin();
  await admin.connect();
  try {
    const offsets = await fetchPartitionOffsets(admin, topic);
    return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
  } finally {
    await admin.disconnect();
  }
}

function kafkaOf(connection: KafkaConnection): Kafka {
  return createKafka(connection, silentLogger);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
