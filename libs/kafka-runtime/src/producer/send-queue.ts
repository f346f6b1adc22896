import type { Message } from '../external/kafka.interface';

/** Most messages one coalesced send carries (~1 MB of Ferry's events over a topic's partitions). */
export const MAX_COALESCED_MESSAGES = 10_000;

interface Queued {
  readonly messages: readonly Message[];
  readonly settle: (error?: Error) => void;
}

/**
 * Sends of one topic, coalesced: a send that finds none in flight goes at once (no added wait at
 * low load); the sends that arrive while one is in flight go together in the next one, in their
 * order. Under many concurrent HTTP requests, Kafka sees a few large requests instead of one small
 * request per call waiting behind the others. Each caller's promise settles with the send that
 * carried its messages: it resolves only once Kafka acknowledged them, and a failed send fails
 * every call it carried, each of which may be retried whole (event ids make that harmless).
 */
export class SendQueue {
  private queued: Queued[] = [];
  private sending = false;

  constructor(
    private readonly sendBatch: (messages: Message[]) => Promise<void>,
    private readonly maxMessages = MAX_COALESCED_MESSAGES,
  ) {}

  send(messages: readonly Message[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({
        messages,
        settle: (error?: Error) => {
          if (error === undefined) resolve();
          else reject(error);
        },
      });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queued.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.sendBatch(batch.flatMap((queued) => queued.messages));
          for (const queued of batch) queued.settle();
        } catch (error: unknown) {
          const failure = error instanceof Error ? error : new Error(JSON.stringify(error));
          for (const queued of batch) queued.settle(failure);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** The queued sends from the front up to the message limit; always at least one. */
  private takeBatch(): Queued[] {
    let count = 0;
    let taken = 0;
    for (const queued of this.queued) {
      if (taken > 0 && count + queued.messages.length > this.maxMessages) break;
      count += queued.messages.length;
      taken += 1;
    }
    const batch = this.queued.slice(0, taken);
    this.queued = this.queued.slice(taken);
    return batch;
  }
}
