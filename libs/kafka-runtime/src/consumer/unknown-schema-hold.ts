/** How long a consumer holds a partition on a schema id its registry does not know; 15 min. */
export const DEFAULT_UNKNOWN_SCHEMA_HOLD_MS = 15 * 60_000;

/** How often a held partition asks the registry again. */
export const UNKNOWN_SCHEMA_RETRY_MS = 5_000;

export type UnknownSchemaDecision =
  | { readonly action: 'hold'; readonly retryAt: number; readonly unknownSinceMs: number }
  | { readonly action: 'dead-letter'; readonly unknownForMs: number };

/**
 * Pure: what to do with a record whose schema id the registry does not know, first met at
 * `firstSeenAt`. Within `holdMs` the partition is held (nothing committed, no attempt used) and
 * the registry asked again; after it, the record goes to the dead-letter topic, so that one
 * producer's mistake does not stop a partition for ever.
 */
export function decideUnknownSchema(
  firstSeenAt: number,
  now: number,
  holdMs: number,
): UnknownSchemaDecision {
  const unknownForMs = now - firstSeenAt;
  if (unknownForMs >= holdMs) return { action: 'dead-letter', unknownForMs };
  return {
    action: 'hold',
    retryAt: Math.min(firstSeenAt + holdMs, now + UNKNOWN_SCHEMA_RETRY_MS),
    unknownSinceMs: unknownForMs,
  };
}

/** When this consumer first met each unknown schema id; forgotten once the id resolves. */
export class UnknownSchemaIds {
  private readonly firstSeen = new Map<number, number>();

  firstSeenAt(schemaId: number, now: number): number {
    const seen = this.firstSeen.get(schemaId);
    if (seen !== undefined) return seen;
    this.firstSeen.set(schemaId, now);
    return now;
  }

  resolved(schemaId: number): void {
    this.firstSeen.delete(schemaId);
  }

  any(): boolean {
    return this.firstSeen.size > 0;
  }

  /** Ids still unknown, for the metric. */
  count(): number {
    return this.firstSeen.size;
  }
}
