/**
 * Kafka header names Ferry writes and reads, in one place. Values are UTF-8 strings.
 */
export const FerryHeaders = {
  /** Avro record name of the value, e.g. InventoryLevelSet. */
  eventType: 'ferry-event-type',
  /** The system whose change this event carries (the entity's owner). */
  originSystem: 'ferry-origin-system',
  /** Deterministic event id (also inside the value); lets tools dedup without decoding. */
  eventId: 'ferry-event-id',
  /**
   * Who sent the HTTP request that produced the event: the authenticated subject of its bearer
   * token. Outside the payload on purpose, so the event id stays derived from the change alone.
   */
  caller: 'ferry-caller',
  /** W3C trace context. */
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

export type FerryHeaderName = (typeof FerryHeaders)[keyof typeof FerryHeaders];
