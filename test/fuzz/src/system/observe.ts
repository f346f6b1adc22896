import { deadLetterTopicOf } from '@ferry/contracts';
import { readMetrics, sampleValue, waitFor } from '@ferry/test-support';
import { unsettledEvents } from '../checks/event-findings';
import type { SystemObservations, TopicRole } from '../checks/observations';
import { readPendingKeys, readProjection } from '../checks/system-state';
import { readTopicEvents, type TopicEvent } from '../checks/topic-events';
import type { RequestRecord } from '../send/send-plan';
import type { FuzzSystem } from './fuzz-system';

function topicsOf(system: FuzzSystem): Record<TopicRole, string> {
  return { ...system.ferry.topics };
}

async function readDeadLetters(
  system: FuzzSystem,
  roles: readonly TopicRole[],
): Promise<Record<TopicRole, readonly TopicEvent[]>> {
  const topics = topicsOf(system);
  const read = await Promise.all(
    roles.map((role) => readTopicEvents(system.connection, deadLetterTopicOf(topics[role]))),
  );
  const empty: Record<TopicRole, readonly TopicEvent[]> = {
    inventory: [],
    goodsReceipts: [],
    shipmentStatus: [],
    salesOrders: [],
    purchaseOrders: [],
    invoices: [],
  };
  return roles.reduce((all, role, index) => ({ ...all, [role]: read[index] ?? [] }), empty);
}

async function readProjections(system: FuzzSystem): Promise<SystemObservations['projections']> {
  const db = system.ferry.database.db;
  const [inventory, shipments] = await Promise.all([
    readProjection(db, 'inventory'),
    readProjection(db, 'shipments'),
  ]);
  return { inventory, shipments };
}

/**
 * What the consumers of the system report: records behind the end of their partitions, and
 * events handled or dead-lettered so far (it stops moving when they are idle).
 */
async function consumerProgress(system: FuzzSystem): Promise<{ lag: number; handled: number }> {
  const services = [system.ferry.projector, system.ferry.wmsAdapter, system.shipmentProjector];
  const texts = await Promise.all(services.map((service) => readMetrics(service.url)));
  const sum = (name: string) => texts.reduce((total, text) => total + sampleValue(text, name), 0);
  return {
    lag: sum('ferry_consumer_fetch_lag_records'),
    handled: sum('ferry_consumer_events_total') + sum('ferry_consumer_dead_lettered_total'),
  };
}

/** Longer than the retry schedule the system runs with (1 s, then 2 s, then the DLQ). */
const QUIET_MS = 10_000;

/**
 * Waits until the consumers have nothing left: no lag, and every accepted event that has a
 * projection is in it (or a newer version is) or in a DLQ, or, for events that are neither,
 * nothing handled for QUIET_MS. Bounded by `timeoutMs`. Resolves with whether it drained.
 */
export async function drain(
  system: FuzzSystem,
  records: readonly RequestRecord[],
  timeoutMs: number,
): Promise<boolean> {
  let last = { handled: -1, since: Date.now() };
  try {
    await waitFor(
      'the consumers to drain',
      async () => {
        const { lag, handled } = await consumerProgress(system);
        if (handled !== last.handled) last = { handled, since: Date.now() };
        if (lag > 0) return undefined;
        if (Date.now() - last.since >= QUIET_MS) return true;
        const observations: SystemObservations = {
          published: { inventory: [], goodsReceipts: [], shipmentStatus: [], salesOrders: [] },
          deadLetters: await readDeadLetters(system, ['inventory', 'shipmentStatus']),
          projections: await readProjections(system),
          pendingKeys: [],
        };
        return unsettledEvents(records, observations) === 0 ? true : undefined;
      },
      { timeoutMs, intervalMs: 2000 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Everything the verdict reads, from Kafka and Postgres. */
export async function observe(system: FuzzSystem): Promise<SystemObservations> {
  const topics = topicsOf(system);
  const main = (role: TopicRole) => readTopicEvents(system.connection, topics[role]);
  const [inventory, goodsReceipts, shipmentStatus, salesOrders] = await Promise.all([
    main('inventory'),
    main('goodsReceipts'),
    main('shipmentStatus'),
    main('salesOrders'),
  ]);
  return {
    published: { inventory, goodsReceipts, shipmentStatus, salesOrders },
    deadLetters: await readDeadLetters(system, Object.keys(topics) as TopicRole[]),
    projections: await readProjections(system),
    pendingKeys: await readPendingKeys(system.ferry.database.db),
  };
}
