import type { EventEnvelope } from '@ferry/contracts';
import type { Database, Transaction, TransactionOptions } from '@ferry/persistence';
import { applyMetrics, eventAgeSeconds } from './apply-metrics';
import type { ConsumedEvent } from './consumed-event';

/**
 * Runs a consumer's transactions that apply events and, once one committed, observes the age of
 * every event it applied for the first time (`ferry_event_age_at_apply_seconds`). An event of a
 * transaction that rolled back is observed when it is applied again, so never twice.
 */
export class AppliedAges<T extends EventEnvelope> {
  private readonly appliedIn = new WeakMap<Transaction, ConsumedEvent<T>[]>();

  constructor(
    private readonly database: Database,
    private readonly labels: { readonly group: string; readonly topic: string },
    private readonly clock: () => number,
  ) {}

  async transaction<R>(
    work: (tx: Transaction) => Promise<R>,
    options?: TransactionOptions,
  ): Promise<R> {
    const applied: ConsumedEvent<T>[] = [];
    const result = await this.database.transaction(async (tx) => {
      this.appliedIn.set(tx, applied);
      try {
        return await work(tx);
      } finally {
        this.appliedIn.delete(tx);
      }
    }, options);
    const now = this.clock();
    for (const event of applied)
      applyMetrics.eventAge.observe(this.labels, eventAgeSeconds(event.value.occurredAt, now));
    return result;
  }

  /** Notes events applied for the first time in `tx`, a transaction run by `transaction`. */
  applied(tx: Transaction, events: readonly ConsumedEvent<T>[]): void {
    this.appliedIn.get(tx)?.push(...events);
  }

  /** The database whose transactions are run by `transaction` (per-key parking's releases). */
  observedDatabase(): Database {
    const database = this.database;
    return {
      query: database.query.bind(database),
      transaction: (work, options) => this.transaction(work, options),
      ping: database.ping.bind(database),
      close: database.close.bind(database),
      poolSize: database.poolSize,
    };
  }
}
