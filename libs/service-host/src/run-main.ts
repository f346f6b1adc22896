import { ConfigError } from '@ferry/config';
import { DatabaseRoleError, MigrationError } from '@ferry/persistence';
import { SchemaNotReadyError } from './migrate/migrations-check';

/** Failures an operator fixes from their message alone: shown without a stack. */
const EXPLAINED = [ConfigError, SchemaNotReadyError, MigrationError, DatabaseRoleError];

/**
 * Runs a service's start-up and turns a failure into one readable line on stderr and exit code 1
 * (a configuration error lists every bad variable; a bug shows its stack).
 */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const text = EXPLAINED.some((kind) => error instanceof kind)
      ? (error as Error).message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
    process.stderr.write(`${text}\n`);
    process.exit(1);
  });
}
