import { ConfigError } from '@ferry/config';

/**
 * Runs a service's start-up and turns a failure into one readable line on stderr and exit code 1
 * (a configuration error lists every bad variable; anything else shows its stack).
 */
export function runMain(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    const text =
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${text}\n`);
    process.exit(1);
  });
}
