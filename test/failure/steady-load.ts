import type { SqlExecutor } from '@ferry/persistence';
import { waitFor } from '@ferry/test-support';
import { appliedEventIds, type EffectsOracle } from './effects-oracle';
import type { InventoryLevelStream, InventoryTopic } from './inventory-stream';

/**
 * Keeps the stream flowing at the consumers' pace: publishes the next chunk whenever fewer than
 * `maxBacklog` published events are still without an effect, until stopped. Paced by a condition,
 * not a clock, so it neither starves the consumers nor floods a slow machine.
 */
export class SteadyLoad {
  private stopped = false;

  constructor(
    private readonly topic: InventoryTopic,
    private readonly stream: InventoryLevelStream,
    private readonly oracle: EffectsOracle,
    private readonly db: SqlExecutor,
    private readonly chunk = 100,
    private readonly maxBacklog = 500,
  ) {}

  async run(): Promise<void> {
    for (;;) {
      const next = await waitFor(
        `fewer than ${this.maxBacklog} events without an effect`,
        async () => {
          if (this.stopped) return 'stop';
          const backlog = this.oracle.eventCount - (await appliedEventIds(this.db));
          return backlog < this.maxBacklog ? 'publish' : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      if (next === 'stop') return;
      await this.topic.publish(this.stream.next(this.chunk));
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
