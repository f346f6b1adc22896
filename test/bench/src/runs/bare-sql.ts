import type { InventoryLevelSet } from '@ferry/contracts';
import {
  applyMigrations,
  openDatabase,
  persistenceMigrations,
  recordFirstDeliveries,
} from '@ferry/persistence';
import { applyRate, type ApplyRate } from '../figures';
import { CpuWindow, postgresBackendsOf } from '../probes/cpu-account';
import { countProcessedEvents, readStoredVersions } from '../probes/projection-state';
import { applyPartitionsConcurrently, partitionBatches } from '../sql/partition-streams';
import { inventoryMigrations, loadProjectorApply } from '../sql/projector-statement';

export interface BareSqlOptions {
  readonly databaseUrl: string;
  /** A schema of this run alone; created here, dropped by the caller. */
  readonly schema: string;
  readonly partitions: number;
  readonly partitionOf: (event: InventoryLevelSet) => number;
  readonly batchSize: number;
  readonly concurrency: number;
  /**
   * Also record each event id in `ferry_processed_events` in the batch's transaction, as the
   * runtime does: separates the cost of dedup from the cost of Kafka and decoding.
   */
  readonly withDedup: boolean;
}

export interface BareSqlResult {
  readonly rate: ApplyRate;
  readonly transactions: number;
  /** CPU of the Postgres backends per event; null when Postgres is not on this machine. */
  readonly postgresCpuUsPerEvent: number | null;
  readonly stored: Map<string, number>;
  readonly processedEvents: number;
}

const GROUP = 'ferry-bench';

/**
 * The Postgres limit: the projector's own statement over the same per-partition batches, with
 * the same parallelism, straight from memory. No Kafka, no decoding.
 */
export async function runBareSql(
  events: readonly InventoryLevelSet[],
  options: BareSqlOptions,
): Promise<BareSqlResult> {
  const apply = await loadProjectorApply();
  const openedAt = new Date();
  const db = openDatabase({
    url: options.databaseUrl,
    schema: options.schema,
    maxConnections: options.concurrency,
    applicationName: 'ferry-bench',
  });
  try {
    await applyMigrations(db, [persistenceMigrations, inventoryMigrations], options.schema);
    const batches = partitionBatches(
      events,
      options.partitions,
      options.partitionOf,
      options.batchSize,
    );
    let transactions = 0;
    const cpu = new CpuWindow({
      postgresBackends: postgresBackendsOf(db, 'ferry-bench', openedAt),
      brokerPids: [],
    });
    await cpu.start();
    const started = performance.now();
    await applyPartitionsConcurrently(batches, options.concurrency, (batch) =>
      db.transaction(async (tx) => {
        if (options.withDedup)
          await recordFirstDeliveries(
            tx,
            GROUP,
            batch.map((event) => event.eventId),
          );
        await apply(tx, batch);
        transactions += 1;
      }),
    );
    const rate = applyRate(events.length, performance.now() - started);
    const { postgresUs } = await cpu.stop(events.length);
    return {
      rate,
      transactions,
      postgresCpuUsPerEvent: postgresUs,
      stored: await readStoredVersions(db),
      processedEvents: await countProcessedEvents(db, GROUP),
    };
  } finally {
    await db.close();
  }
}
