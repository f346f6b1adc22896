/**
 * Failures that stop the check from reaching a verdict (as opposed to a schema being incompatible
 * or invalid, which is a verdict). Each says whether trying again can help and keeps its cause.
 */
export class SchemaCheckError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The registry refused the connection, timed out or answered with a server error: transient. */
export class RegistryUnreachableError extends SchemaCheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

/** The registry answered in a way the check does not expect (auth, a changed API): permanent. */
export class UnexpectedRegistryAnswerError extends SchemaCheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}
