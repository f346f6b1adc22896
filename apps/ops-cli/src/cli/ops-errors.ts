/** A failure the operator can act on (a bad option, a service not reachable): shown without a stack. */
export class OpsError extends Error {
  override readonly name: string = 'OpsError';
}

/** The command line asks for something that cannot be done as written. */
export class UsageError extends OpsError {
  override readonly name = 'UsageError';
}
