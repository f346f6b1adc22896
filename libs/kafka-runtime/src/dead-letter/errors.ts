import { FerryError } from '@ferry/failures';

/** The dead-letter topic named does not exist: a wrong name, not a passing condition. */
export class DeadLetterTopicNotFoundError extends FerryError {
  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist`, 'permanent');
  }
}

/** Reading the dead-letter topic failed or stopped making progress; trying again may help. */
export class DeadLetterReadError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'transient', options);
  }
}

/**
 * A replay that cannot be carried out as asked (no reason given, records without the headers
 * their target needs, a destination topic that does not exist). Nothing was published.
 */
export class ReplayRejectedError extends FerryError {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length === 0 ? message : `${message}:\n  ${problems.join('\n  ')}`, 'permanent');
  }
}
