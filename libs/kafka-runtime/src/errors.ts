/**
 * Errors the runtime raises. Each says whether trying again can help (`retriable`) and keeps the
 * underlying error as `cause`; the consumer runtime routes by these two facts alone.
 */
export class FerryRuntimeError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bytes are not a Confluent-framed Avro value we can read: permanent. */
export class EventDecodeError extends FerryRuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}

/** The bytes are not a readable event: no wire-format header, or a body that does not decode. */
export class CorruptEventError extends EventDecodeError {}

/**
 * The value names a schema id the registry does not have, or one that cannot be read as the
 * consumer's event type. Fails closed: an event is never guessed at.
 */
export class UnknownSchemaError extends EventDecodeError {}

/** The schema registry could not be reached or answered with a server error: transient. */
export class SchemaRegistryUnavailableError extends FerryRuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

/** Kafka did not acknowledge a publish: transient from the caller's point of view. */
export class PublishError extends FerryRuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}
