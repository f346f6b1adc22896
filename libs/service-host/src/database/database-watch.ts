import type { Database } from '@ferry/persistence';
import type { ServiceHealth } from '../service-health';

/** How often readiness asks Postgres, and how long it waits for the answer. */
export const DATABASE_CHECK_INTERVAL_MS = 5_000;
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Readiness of a service's Postgres, asked every few seconds: a server that is gone or a network
 * that froze shows as not ready, with the reason, within interval + timeout (7 s), whether or not
 * any request or event happened to need the database meanwhile.
 */
export class DatabaseWatch {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly database: Database,
    private readonly health: ServiceHealth,
    private readonly component: string,
  ) {
    health.expect(component);
  }

  /** Checks once now (so readiness is known at start), then every interval until `stop`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), DATABASE_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.health.markNotReady(this.component, 'stopping');
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.database.ping(DATABASE_CHECK_TIMEOUT_MS);
      this.health.markReady(this.component);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      this.health.markNotReady(this.component, reason);
    } finally {
      this.checking = false;
    }
  }
}
