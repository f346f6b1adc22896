import { ConfigError } from '@ferry/config';
import { FerryError } from '@ferry/failures';
import { OpsError, UsageError } from './ops-errors';

const PROGRAM = 'ops';

/**
 * What the operator reads when a command fails. Expected failures (bad options, configuration,
 * Kafka or Postgres saying no) are one or two plain lines; only a bug shows its stack.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof UsageError)
    return `${PROGRAM}: ${error.message}\nRun "npm run ops -- --help" for usage.`;
  if (error instanceof OpsError || error instanceof ConfigError)
    return `${PROGRAM}: ${error.message}`;
  if (error instanceof FerryError && error.kind !== 'programmer') {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    const because =
      cause === undefined || error.message.includes(cause) ? '' : `\n  cause: ${cause}`;
    const hint = error.retriable ? '\n  (this may pass if tried again)' : '';
    return `${PROGRAM}: ${error.message}${because}${hint}`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${PROGRAM}: unexpected error (a bug; please report it)\n${detail}`;
}
