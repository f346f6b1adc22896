import type { EventEnvelope } from '@ferry/contracts';
import type { Transaction } from '@ferry/persistence';
import type { ApplyOutcome } from '../consumer/consumed-event';
import { consumerMetrics } from '../consumer/consumer-metrics';
import {
  holdKey,
  lockParkedKeys,
  parkingCounts,
  parkRecords,
  releaseHeads,
  releasingKeys,
  type ParkedRecord,
} from './parked-keys';
import { ParkedKeyRelease } from './parked-key-release';
import type { ParkableDelivery, ParkingDeps } from './parking-deps';
import { planParking, type HeadState } from './parking-plan';

export interface KeyParkingOptions<T extends EventEnvelope> extends ParkingDeps<T> {
  /** How often releasing keys are looked for (after a crash, an operator release, an outage). */
  readonly sweepIntervalMs: number;
}

/**
 * Per-key ordering for one consumer: inside a slice's transaction, parks the events of keys whose
 * head is in a retry tier or the dead-letter topic; after a head succeeded (or an operator released
 * its key), applies the parked events in order, outside any Kafka handler, in transactions of
 * their own. The parking lot is in Postgres, so it survives crashes and rebalances and is shared
 * by every instance of the group; its row locks order parking and releasing.
 */
export class KeyParking<T extends EventEnvelope> {
  private readonly release: ParkedKeyRelease<T>;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private sweepAgain = false;
  private stopping = false;

  constructor(private readonly options: KeyParkingOptions<T>) {
    this.release = new ParkedKeyRelease(options, () => this.stopping);
  }

  /**
   * Applies the slice's events whose key is not parked (and heads coming back), parks the others,
   * and starts releasing the keys whose head was applied: all in `tx`. Call `wake` once `tx` has
   * committed if it returned keys to release.
   */
  async applyInKeyOrder(
    tx: Transaction,
    deliveries: readonly ParkableDelivery<T>[],
  ): Promise<{ outcome: ApplyOutcome; releasing: string[] }> {
    const { scope, applyFresh } = this.options;
    const parked = await lockParkedKeys(
      tx,
      scope,
      deliveries.map((d) => d.event.key),
    );
    const plan = planParking(
      deliveries.map((delivery) => ({
        key: delivery.event.key,
        eventId: delivery.event.value.eventId,
        delivery,
      })),
      parked,
    );
    const applied =
      plan.apply.length > 0
        ? await applyFresh(
            tx,
            plan.apply.map((p) => p.delivery.event),
          )
        : {};
    const parkedNow = await parkRecords(
      tx,
      scope,
      plan.park.map((p) => parkedRecordOf(p.delivery)),
    );
    const releasing = await releaseHeads(tx, scope, plan.headKeys);
    const duplicate = (applied['duplicate'] ?? 0) + plan.park.length - parkedNow.size;
    return { outcome: { ...applied, parked: parkedNow.size, duplicate }, releasing };
  }

  /**
   * Makes a failed event the head of its key before the event is moved to `state`'s topic, so that
   * the key's later events (in this slice too) are parked behind it. Without an event id (a value
   * that does not decode and has no id header) the key cannot wait for it and stays unparked.
   */
  async holdKey(key: string, eventId: string | undefined, state: HeadState): Promise<void> {
    if (eventId === undefined) return;
    await holdKey(this.options.database, this.options.scope, key, eventId, state);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.wake();
    }, this.options.sweepIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for keys to release now (or right after the sweep under way). */
  wake(): void {
    if (this.stopping) return;
    if (this.sweeping !== undefined) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = this.sweepUntilQuiet().finally(() => {
      this.sweeping = undefined;
    });
  }

  /** Lets the release under way finish its current transaction, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweepUntilQuiet(): Promise<void> {
    do {
      this.sweepAgain = false;
      try {
        await this.sweep();
      } catch (error: unknown) {
        // The keys stay releasing in Postgres and the next sweep takes them up again.
        this.options.logger.error('releasing parked keys failed; will try again', {
          ...this.options.scope,
          error,
        });
      }
    } while (this.wokenMeanwhile());
  }

  /** A head succeeded while the sweep ran (after it listed the releasing keys). */
  private wokenMeanwhile(): boolean {
    return this.sweepAgain && !this.stopping;
  }

  private async sweep(): Promise<void> {
    const { database, scope, gate } = this.options;
    for (const key of await releasingKeys(database, scope)) {
      if (this.stopping || gate.isOpen()) break;
      await this.release.releaseKey(key);
    }
    await this.reportCounts();
  }

  private async reportCounts(): Promise<void> {
    const { group, topic } = this.options.scope;
    const counts = await parkingCounts(this.options.database, this.options.scope);
    for (const [state, count] of Object.entries(counts.keys))
      consumerMetrics.parkedKeys.set({ group, topic, state }, count);
    consumerMetrics.parkedEvents.set({ group, topic }, counts.events);
  }
}

function parkedRecordOf<T extends EventEnvelope>(delivery: ParkableDelivery<T>): ParkedRecord {
  const { event, message } = delivery;
  return {
    key: event.key,
    eventId: event.value.eventId,
    recordKey: message.key,
    recordValue: message.value,
    headers: event.headers,
    partition: event.partition,
    offset: event.offset,
    timestamp: event.timestamp,
  };
}
