import type { Logger } from '@ferry/observability';
import { gauge } from '@ferry/observability';
import { fetchPartitionOffsets, recordsIn } from '../admin/offsets';
import type { Admin, Kafka } from '../external/kafka.interface';

export const deadLetterDepth = gauge(
  'ferry_dlq_records',
  'Records in a dead-letter topic (within its retention), replayed or not; every consumer of the original topic reports it',
  ['topic'],
);

/**
 * Reads how many records a dead-letter topic holds, every `intervalMs`, into `ferry_dlq_records`.
 * A failed read keeps the last value and is tried again at the next interval.
 */
export class DeadLetterDepth {
  private readonly admin: Admin;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.admin = kafka.admin();
  }

  async start(): Promise<void> {
    await this.admin.connect();
    this.reading = this.read();
    this.timer = setInterval(() => {
      this.reading = this.reading.then(() => this.read());
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
    await this.admin.disconnect();
  }

  private async read(): Promise<void> {
    try {
      const offsets = await fetchPartitionOffsets(this.admin, this.topic, this.intervalMs);
      deadLetterDepth.set({ topic: this.topic }, recordsIn(offsets));
    } catch (error: unknown) {
      this.logger.warn('could not read the depth of a dead-letter topic', {
        topic: this.topic,
        error,
      });
    }
  }
}
