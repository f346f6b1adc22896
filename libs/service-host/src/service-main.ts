import { describeOptions, type OptionSpecs } from '@ferry/config';
import { shutdownTracing } from '@ferry/observability';
import type { MigrationSource } from '@ferry/persistence';
import { migrateOptions } from './migrate/migrate-options';
import { migrateService } from './migrate/migrate-service';
import { runMain } from './run-main';

export interface ServiceMain {
  readonly name: string;
  /** Every migration of the service's schema, in the order the migrate step applies them. */
  readonly migrations: readonly MigrationSource[];
  readonly start: () => Promise<unknown>;
  /** Every variable the service reads: what `--help` prints. */
  readonly options: OptionSpecs;
}

/** What `main.js --help` prints: the commands, then every variable of each, with its default. */
export function serviceHelp(main: Pick<ServiceMain, 'name' | 'options'>): string {
  return [
    `${main.name}: usage: main.js [migrate | --help]`,
    '',
    'main.js: runs the service. It reads:',
    describeOptions(main.options),
    '',
    'main.js migrate: applies the schema migrations, then exits. It reads:',
    describeOptions(migrateOptions),
    '',
  ].join('\n');
}

/**
 * A service's entry point. Without arguments it runs the service; `migrate` runs its migrate
 * step instead and exits 0 once the schema is up to date: one image, two commands (the
 * Deployment's and the migrate Job's).
 */
export function runServiceMain(main: ServiceMain, argv = process.argv.slice(2)): void {
  const command = argv.join(' ');
  if (command === '') runMain(main.start);
  // The migrate step exits when done: its spans are flushed first.
  else if (command === '--help' || command === '-h') process.stdout.write(serviceHelp(main));
  else if (command === 'migrate')
    runMain(() => migrateService(main.name, main.migrations).finally(shutdownTracing));
  else {
    process.stderr.write(
      `${main.name}: unknown command "${command}"; usage: main.js [migrate | --help]\n`,
    );
    process.exitCode = 2;
  }
}
