import { FerryError } from '@ferry/failures';

/**
 * Failures that stop the check from reaching a verdict (as opposed to a schema being incompatible
 * or invalid, which is a verdict).
 */
export class SchemaCheckError extends FerryError {}

/** The registry refused the connection, timed out or answered with a server error. */
export class RegistryUnreachableError extends SchemaCheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unavailable', options);
  }
}

/** The registry answered in a way the check does not expect (auth, a changed API): permanent. */
export class UnexpectedRegistryAnswerError extends SchemaCheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}
