/** One decoded, validated event as a handler sees it. */
export interface ConsumedEvent<T> {
  readonly value: T;
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Broker timestamp, epoch milliseconds. */
  readonly timestamp: number;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What a handler reports for the events it was given, by outcome name (for example
 * `{ applied: 10, stale: 2 }`). The runtime adds `duplicate` for events it filtered out.
 */
export type ApplyOutcome = Readonly<Record<string, number>>;
