import { FerryRuntimeError } from '../errors';

/** The dead-letter topic named does not exist: a wrong name, not a passing condition. */
export class DeadLetterTopicNotFoundError extends FerryRuntimeError {
  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist`, false);
  }
}

/** Reading the dead-letter topic failed or stopped making progress; trying again may help. */
export class DeadLetterReadError extends FerryRuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}

/**
 * A replay that cannot be carried out as asked (no reason given, records without the headers
 * their target needs, a destination topic that does not exist). Nothing was published.
 */
export class ReplayRejectedError extends FerryRuntimeError {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length === 0 ? message : `${message}:\n  ${problems.join('\n  ')}`, false);
  }
}
