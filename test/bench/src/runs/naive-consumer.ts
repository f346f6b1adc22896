import { InventoryLevelSetContract, type InventoryLevelSet } from '@ferry/contracts';
import { EventCodec } from '@ferry/kafka-runtime';
import {
  applyMigrations,
  openDatabase,
  persistenceMigrations,
  type Transaction,
} from '@ferry/persistence';
import { Kafka, logLevel } from 'kafkajs';
import { applyRate, type ApplyRate } from '../figures';
import { countProcessedEvents, readStoredVersions } from '../probes/projection-state';
import { inventoryMigrations } from '../sql/projector-statement';

export interface NaiveConsumerOptions {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
  /** A schema of this run alone; created here, dropped by the caller. */
  readonly schema: string;
  readonly topic: string;
  readonly group: string;
  /** Events to handle before the clock stops (the naive consumer is too slow for them all). */
  readonly sample: number;
  readonly timeoutMs: number;
}

export interface NaiveConsumerResult {
  readonly rate: ApplyRate;
  readonly handled: InventoryLevelSet[];
  readonly stored: Map<string, number>;
  readonly processedEvents: number;
}

const RECORD_EVENT = `INSERT INTO ferry_processed_events (consumer_group, event_id) VALUES ($1, $2)
  ON CONFLICT DO NOTHING`;

const UPSERT_LEVEL = `INSERT INTO inventory_levels AS l
  (sku, location, on_hand, reserved, available, unit, source_system, source_version, source_event_id,
   occurred_at, in_transit, bin_code)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0), $11, $12)
ON CONFLICT (sku, location) DO UPDATE SET
  on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, available = EXCLUDED.available,
  unit = EXCLUDED.unit, source_system = EXCLUDED.source_system, source_version = EXCLUDED.source_version,
  source_event_id = EXCLUDED.source_event_id, occurred_at = EXCLUDED.occurred_at,
  in_transit = EXCLUDED.in_transit, bin_code = EXCLUDED.bin_code, updated_at = now()
WHERE l.source_version < EXCLUDED.source_version`;

/** Dedup insert, then the single-row version-guarded upsert if the id is new. */
async function applyOne(tx: Transaction, group: string, e: InventoryLevelSet): Promise<void> {
  const { rowCount } = await tx.query(RECORD_EVENT, [group, e.eventId]);
  if (rowCount === 0) return;
  await tx.query(UPSERT_LEVEL, [
    e.sku,
    e.location,
    e.onHand,
    e.reserved,
    e.available,
    e.unit,
    e.sourceSystem,
    e.sourceVersion,
    e.eventId,
    e.occurredAt,
    e.inTransit,
    e.binCode,
  ]);
}

/** The sample's progress: events handled, timed from the first one's start to the last one's end. */
class Sample {
  readonly handled: InventoryLevelSet[] = [];
  readonly complete: Promise<void>;
  private firstAt: number | undefined;
  private lastAt = 0;
  private settle: { done: () => void; fail: (error: unknown) => void } = {
    done: () => undefined,
    fail: () => undefined,
  };

  constructor(readonly size: number) {
    this.complete = new Promise<void>((done, fail) => {
      this.settle = { done, fail };
    });
    // A failure before anyone awaits `complete` must not crash the process as unhandled.
    this.complete.catch(() => undefined);
  }

  get isComplete(): boolean {
    return this.handled.length >= this.size;
  }

  begin(): void {
    this.firstAt ??= performance.now();
  }

  add(event: InventoryLevelSet): void {
    this.handled.push(event);
    this.lastAt = performance.now();
    if (this.handled.length === this.size) this.settle.done();
  }

  fail(error: unknown): void {
    this.settle.fail(error);
  }

  rate(): ApplyRate {
    return applyRate(this.handled.length, this.lastAt - (this.firstAt ?? this.lastAt));
  }
}

/**
 * The baseline: what a first kafkajs consumer usually looks like. `eachMessage`, one transaction
 * per event, offsets committed after every event, kafkajs defaults otherwise (one partition at a
 * time). kafkajs is used directly on purpose: this is the code the runtime replaces.
 */
export async function runNaiveConsumer(
  options: NaiveConsumerOptions,
): Promise<NaiveConsumerResult> {
  const db = openDatabase({
    url: options.databaseUrl,
    schema: options.schema,
    applicationName: 'ferry-bench-naive',
  });
  const codec = new EventCodec(options.schemaRegistryUrl);
  const consumer = new Kafka({
    brokers: [...options.kafkaBrokers],
    clientId: 'ferry-bench-naive',
    logLevel: logLevel.ERROR,
  }).consumer({ groupId: options.group, allowAutoTopicCreation: false });
  const sample = new Sample(options.sample);
  const timer = setTimeout(() => {
    sample.fail(
      new Error(`naive consumer handled ${sample.handled.length} of ${sample.size} events in time`),
    );
  }, options.timeoutMs);
  try {
    await applyMigrations(db, [persistenceMigrations, inventoryMigrations], options.schema);
    await consumer.connect();
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        if (sample.isComplete) {
          consumer.pause([{ topic }]);
          return;
        }
        sample.begin();
        try {
          const event = await codec.decode(message.value, InventoryLevelSetContract);
          await db.transaction((tx) => applyOne(tx, options.group, event));
          const next = (BigInt(message.offset) + 1n).toString();
          await consumer.commitOffsets([{ topic, partition, offset: next }]);
          sample.add(event);
        } catch (error: unknown) {
          sample.fail(error);
          throw error;
        }
      },
    });
    await sample.complete;
    await consumer.disconnect();
    return {
      rate: sample.rate(),
      handled: sample.handled,
      stored: await readStoredVersions(db),
      processedEvents: await countProcessedEvents(db, options.group),
    };
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await db.close();
  }
}
