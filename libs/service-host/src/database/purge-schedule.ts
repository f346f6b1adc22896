import type { Logger } from '@ferry/observability';

const HOUR_MS = 3_600_000;

/**
 * Deletes what is past its retention once at start and then hourly; a failure is logged and the
 * next round tries again. `purge` says how many rows of what went, for the log.
 */
export class PurgeSchedule {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly purge: () => Promise<Readonly<Record<string, number>>>,
    private readonly logger: Logger,
    private readonly everyMs = HOUR_MS,
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    try {
      const purged = await this.purge();
      if (Object.values(purged).some((count) => count > 0))
        this.logger.info('purged rows past their retention', purged);
    } catch (error: unknown) {
      this.logger.warn('purging old rows failed; will try again', { error });
    }
  }
}
