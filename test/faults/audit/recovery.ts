/** When an event was first recorded as processed (epoch ms). */
export interface Delivery {
  readonly eventId: string;
  readonly at: number;
}

export interface Recovery {
  /**
   * From `from` to the moment the last affected partition applied again; undefined when one never
   * did, or when no partition had work after `from` (nothing was measured).
   */
  readonly recoverMs: number | undefined;
  /** Per affected partition, from `from` to its first application (undefined: never). */
  readonly partitions: ReadonlyMap<number, number | undefined>;
}

/**
 * How long after `from` (a fault's end, a crash) every partition was flowing again. A partition is
 * affected when it had work then: an event first applied after `from`, or one never applied at
 * all. It recovered at its first application after `from`, provided it then applied everything
 * it was given: one left with unapplied work never recovered, whatever it applied before it
 * stopped again. Partitions without work say nothing and are left out.
 */
export function recoveryAfter(
  from: number,
  deliveries: readonly Delivery[],
  expected: ReadonlySet<string>,
  partitionOfEvent: (eventId: string) => number | undefined,
): Recovery {
  const delivered = new Set(deliveries.map((delivery) => delivery.eventId));
  const firstAfter = new Map<number, number | undefined>();
  for (const { eventId, at } of deliveries) {
    const partition = partitionOfEvent(eventId);
    if (partition === undefined || at < from) continue;
    const kept = firstAfter.get(partition);
    if (kept === undefined || at - from < kept) firstAfter.set(partition, at - from);
  }
  for (const eventId of expected) {
    const partition = partitionOfEvent(eventId);
    if (partition === undefined || delivered.has(eventId)) continue;
    firstAfter.set(partition, undefined);
  }
  const times = [...firstAfter.values()];
  const recoverMs =
    times.length === 0 || times.some((ms) => ms === undefined)
      ? undefined
      : Math.max(...(times as number[]));
  return { recoverMs, partitions: new Map([...firstAfter].sort(([a], [b]) => a - b)) };
}
