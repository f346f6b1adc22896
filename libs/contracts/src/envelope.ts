/** Fields every Ferry event carries, whatever its type (see schemas/). */
export interface EventEnvelope {
  /** Deterministic id, see deriveEventId. */
  readonly eventId: string;
  /** Entity id; also the Kafka key, so one entity's events stay in order on one partition. */
  readonly entityId: string;
  readonly sourceSystem: string;
  /** The owner's version of the entity; greater means newer. */
  readonly sourceVersion: number;
  /** Epoch milliseconds at which the owner recorded the state. */
  readonly occurredAt: number;
}
