import { FerryError } from '@ferry/failures';
/** A failure the operator can act on (a bad option, a service not reachable): shown without a stack. */
export class OpsError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

/** The command line asks for something that cannot be done as written. */
export class UsageError extends OpsError {
  override readonly name = 'UsageError';
}
