import type { EventEnvelope } from '@ferry/contracts';
import { classifyFailure } from '@ferry/failures';
import { inProcessSpan } from '@ferry/observability';
import type { Transaction } from '@ferry/persistence';
import { DownstreamUnavailable } from '../breaker/downstream-gate';
import type { ApplyOutcome, ConsumedEvent } from '../consumer/consumed-event';
import { consumerMetrics } from '../consumer/consumer-metrics';
import { processSpanOf } from '../consumer/process-span';
import { historyOf } from '../failures/delivery-history';
import type { ParkingDeps } from './parking-deps';
import {
  blockOnParkedRecord,
  deleteParkedRecords,
  dropEmptyKeys,
  lockParkedKeys,
  parkedRecordsOf,
  type StoredParkedRecord,
} from './parked-keys';
import { headStateAfter } from './parking-plan';

export type ReleaseResult = 'released' | 'blocked' | 'unavailable' | 'stopped';

/**
 * Applies the events parked behind a releasing key, oldest first, each batch in one transaction
 * that also records their event ids and deletes them from the parking lot; the last one drops the
 * key. A batch that fails is retried one event at a time; the event that fails alone is moved on
 * like any failed event (retry tier or dead-letter topic) and becomes the key's new head, the rest
 * keeps waiting behind it.
 */
export class ParkedKeyRelease<T extends EventEnvelope> {
  constructor(
    private readonly options: ParkingDeps<T>,
    private readonly stopping: () => boolean,
  ) {}

  async releaseKey(key: string): Promise<ReleaseResult> {
    let limit = this.options.maxBatchSize;
    for (;;) {
      if (this.stopping()) return 'stopped';
      let taken: StoredParkedRecord[] = [];
      try {
        const step = await this.options.gate.run(
          () =>
            this.options.database.transaction(async (tx) => {
              const parked = await lockParkedKeys(tx, this.options.scope, [key]);
              if (parked.get(key)?.state !== 'releasing') return { done: true, outcome: {} };
              taken = await parkedRecordsOf(tx, this.options.scope, key, limit);
              const events: ConsumedEvent<T>[] = [];
              for (const record of taken) events.push(await this.consumedEventOf(record));
              const outcome = events.length > 0 ? await this.applyReleased(tx, events) : {};
              await deleteParkedRecords(
                tx,
                taken.map((record) => record.seq),
              );
              const done = taken.length < limit;
              if (done) await dropEmptyKeys(tx, this.options.scope, [key], ['releasing']);
              return { done, outcome };
            }),
          limit === 1,
        );
        this.count(step.outcome);
        if (step.done) return 'released';
      } catch (error: unknown) {
        if (error instanceof DownstreamUnavailable) return 'unavailable';
        // Find the event that fails: one at a time from here until it is moved on.
        if (limit > 1) {
          limit = 1;
          continue;
        }
        const [failed] = taken;
        if (failed === undefined) throw error;
        await this.blockOn(failed, error);
        return 'blocked';
      }
    }
  }

  /** Released events are applied in a process span of their own, linked to their producers. */
  private applyReleased(tx: Transaction, events: readonly ConsumedEvent<T>[]) {
    const deliveries = events.map((event) => ({ event }));
    return inProcessSpan(processSpanOf(this.options.scope.group, deliveries), () =>
      this.options.applyFresh(tx, events),
    );
  }

  private async consumedEventOf(record: StoredParkedRecord): Promise<ConsumedEvent<T>> {
    return {
      value: await this.options.codec.decode(record.recordValue, this.options.contract),
      key: record.key,
      topic: this.options.scope.topic,
      partition: record.partition,
      offset: record.offset,
      timestamp: record.timestamp,
      headers: record.headers,
    };
  }

  /**
   * The record goes to Kafka first and leaves the parking lot afterwards: a crash in between
   * leaves it parked and in a retry tier, and whichever copy is applied first makes the other a
   * duplicate. The other order could lose it.
   */
  private async blockOn(record: StoredParkedRecord, error: unknown): Promise<void> {
    const { scope, router } = this.options;
    const failed = router.failedRecord({
      key: record.recordKey,
      value: record.recordValue,
      headers: record.headers,
      history: historyOf(record.headers, scope.topic, record.partition, record.offset),
      error,
      kind: classifyFailure(error),
    });
    const { destination } = failed;
    await router.route([failed]);
    await this.options.database.transaction((tx) =>
      blockOnParkedRecord(tx, scope, record, headStateAfter(destination)),
    );
    this.options.logger.warn('a parked event failed; its key waits for it now', {
      ...scope,
      key: record.key,
      eventId: record.eventId,
      destination: destination.topic,
    });
  }

  private count(outcome: ApplyOutcome): void {
    const labels = { group: this.options.scope.group, topic: this.options.scope.topic };
    for (const [name, count] of Object.entries(outcome)) {
      if (count > 0) consumerMetrics.events.inc({ ...labels, outcome: name }, count);
    }
  }
}
