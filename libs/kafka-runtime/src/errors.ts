import { FerryError } from '@ferry/failures';

/*
 * Errors the runtime raises, each a FerryError: its kind says what it means for the event that met
 * it, its `cause` what lies under it; the consumer runtime routes by these two facts alone.
 */

/** The bytes are not a Confluent-framed Avro value we can read: permanent. */
export class EventDecodeError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

/** The bytes are not a readable event: no wire-format header, or a body that does not decode. */
export class CorruptEventError extends EventDecodeError {}

/**
 * The value names a schema id the registry does not have, or one that cannot be read as the
 * consumer's event type. Fails closed: an event is never guessed at.
 */
export class UnknownSchemaError extends EventDecodeError {}

/**
 * The registry answered that it has no schema with the value's id (404). Not dead-lettered at
 * once: a registry that lost its state, or a record from a producer whose registration is not
 * visible yet, would otherwise dead-letter a whole stream. The consumer holds the partition and
 * asks again, and dead-letters only once the id stayed unknown for the hold time (see
 * docs/consumer-runtime.md, "Unknown schema ids").
 */
export class SchemaNotFoundError extends UnknownSchemaError {
  constructor(
    readonly schemaId: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A record with no value (a tombstone) on an event topic. Ferry's topics carry whole states and
 * never deletions, so a tombstone is another client's mistake: dead-lettered, never guessed at.
 */
export class TombstoneError extends EventDecodeError {}

/**
 * A value that decodes, but is not an event its consumer may apply: its source does not own the
 * entity, its entity id is not the record key, or it breaks an invariant of its event type.
 */
export class InvalidEventError extends FerryError {
  constructor(
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(`Rejected ${eventType}: ${problems.join('; ')}`, 'permanent');
  }
}

/**
 * The schema registry could not be reached or answered with a server error: the consumer holds
 * (nothing is gained by moving events around while it is away).
 */
export class SchemaRegistryUnavailableError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unavailable', options);
  }
}

/** Kafka did not acknowledge a publish: transient from the caller's point of view. */
export class PublishError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'transient', options);
  }
}
