import type { EventEnvelope } from '@ferry/contracts';
import { classifyFailure } from '@ferry/failures';
import { detachedFromWork, inProcessSpan, type Logger } from '@ferry/observability';
import { recordFirstDeliveries, type Transaction } from '@ferry/persistence';
import { DownstreamUnavailable, type DownstreamGate } from '../breaker/downstream-gate';
import { historyOf } from '../failures/delivery-history';

import type { FailedRecord, FailureRouter } from '../failures/failure-router';
import type { KeyParking } from '../parking/key-parking';
import { headStateAfter } from '../parking/parking-plan';
import type { AppliedAges } from './applied-ages';
import type { ApplyOutcome, ConsumedEvent } from './consumed-event';
import type { Delivery } from './delivery';
import { processSpanOf } from './process-span';
import { firstDeliveries } from './slices';

export interface SliceApplierOptions<T extends EventEnvelope> {
  readonly groupId: string;
  readonly apply: (tx: Transaction, events: readonly ConsumedEvent<T>[]) => Promise<ApplyOutcome>;
  readonly gate: DownstreamGate;
  readonly router: FailureRouter;
  readonly ages: AppliedAges<T>;
  /** Per-key ordering; it applies through `applyFresh` too. */
  readonly parking: KeyParking<T> | undefined;
  readonly logger: Logger;
}

/**
 * Applies a slice's events in one transaction that also records their event ids; when that fails,
 * each event alone, so that only the events that really fail become failed records. With per-key
 * ordering (`parking`) a failed event becomes its key's head before anything later of the key is
 * looked at. Throws DownstreamUnavailable, committing nothing, while the downstream is away.
 */
export class SliceApplier<T extends EventEnvelope> {
  constructor(private readonly options: SliceApplierOptions<T>) {}

  async apply(deliveries: Delivery<T>[], failed: FailedRecord[]): Promise<ApplyOutcome> {
    if (deliveries.length === 0) return {};
    const { gate } = this.options;
    try {
      return await gate.run(() => this.applyInTransaction(deliveries));
    } catch (error: unknown) {
      if (error instanceof DownstreamUnavailable || deliveries.length === 1) {
        if (error instanceof DownstreamUnavailable) throw error;
        failed.push(await this.failedAlone(deliveries[0] as Delivery<T>, error));
        return {};
      }
    }
    const outcome: Record<string, number> = {};
    for (const delivery of deliveries) {
      try {
        const single = await gate.run(() => this.applyInTransaction([delivery]), true);
        for (const [name, count] of Object.entries(single))
          outcome[name] = (outcome[name] ?? 0) + count;
      } catch (error: unknown) {
        if (error instanceof DownstreamUnavailable) throw error;
        failed.push(await this.failedAlone(delivery, error));
      }
    }
    return outcome;
  }

  /** Records the events' ids and applies the ones this group sees for the first time. */
  async applyFresh(tx: Transaction, events: readonly ConsumedEvent<T>[]): Promise<ApplyOutcome> {
    const fresh = await recordFirstDeliveries(
      tx,
      this.options.groupId,
      events.map((e) => e.value.eventId),
    );
    const firstSeen = firstDeliveries(events, (e) => e.value.eventId, fresh);
    const applied = firstSeen.length > 0 ? await this.options.apply(tx, firstSeen) : {};
    this.options.ages.applied(tx, firstSeen);
    return { ...applied, duplicate: events.length - firstSeen.length };
  }

  /**
   * With per-key ordering, the key of a failed record waits for it from now on, in its
   * destination's state. Postgres unreachable here holds the partition like any other
   * unavailable downstream.
   */
  async holdKeyOf(key: string, eventId: string | undefined, record: FailedRecord): Promise<void> {
    const { parking } = this.options;
    if (parking === undefined) return;
    await this.options.gate.run(() =>
      parking.holdKey(key, eventId, headStateAfter(record.destination)),
    );
  }

  /** An event that failed alone, its key now waiting for it (before any later event of the key). */
  private async failedAlone(delivery: Delivery<T>, error: unknown): Promise<FailedRecord> {
    const { message, event } = delivery;
    const record = this.options.router.failedRecord({
      key: message.key,
      value: message.value,
      headers: event.headers,
      history: historyOf(event.headers, event.topic, event.partition, event.offset),
      error,
      kind: classifyFailure(error),
    });
    await this.holdKeyOf(event.key, event.value.eventId, record);
    return record;
  }

  /** One transaction, in the CONSUMER span of its events (see processSpanOf). */
  private async applyInTransaction(deliveries: readonly Delivery<T>[]): Promise<ApplyOutcome> {
    return inProcessSpan(processSpanOf(this.options.groupId, deliveries), async () => {
      const outcome = await this.applyInTransactionUntraced(deliveries);
      this.options.logger.debug('slice applied', { events: deliveries.length, outcome });
      return outcome;
    });
  }

  private async applyInTransactionUntraced(
    deliveries: readonly Delivery<T>[],
  ): Promise<ApplyOutcome> {
    const { ages, parking } = this.options;
    if (parking === undefined)
      return ages.transaction((tx) =>
        this.applyFresh(
          tx,
          deliveries.map((d) => d.event),
        ),
      );
    const { outcome, releasing } = await ages.transaction((tx) =>
      parking.applyInKeyOrder(tx, deliveries),
    );
    // The release runs on its own, in spans of its own: not under this slice's.
    if (releasing.length > 0)
      detachedFromWork(() => {
        parking.wake();
      });
    return outcome;
  }
}
