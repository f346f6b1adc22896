import type { Consumer, EachBatchPayload } from '../external/kafka.interface';

type PauseTarget = { topic: string; partitions?: number[] };

/**
 * Pauses a partition until a time, re-reading its unhandled records afterwards: how the
 * consumer waits for a retry's due time without sleeping in a handler
 * and without a busy loop.
 */
export class PartitionPauses {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly consumer: Consumer,
    private readonly clock: () => number,
  ) {}

  pause(payload: EachBatchPayload, topic: string, partition: number, until: number): void {
    const targets: PauseTarget[] = [{ topic, partitions: [partition] }];
    // No seek: offsets of unhandled records were never resolved, so once resumed the consumer
    // fetches again from the first of them (kafkajs fetches from the last resolved offset).
    this.consumer.pause(targets);
    if (!payload.isRunning()) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.consumer.resume(targets);
      },
      Math.max(0, until - this.clock()),
    );
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
