import { relative } from 'node:path';
import { infraDown, infraStatus, infraUp } from '@ferry/local-infra';
import { runApplyBenchmark } from './apply-benchmark';
import { saveBenchResult } from './bench-result';
import { parseBenchArgs, USAGE } from './cli-options';
import { formatReport } from './format-report';

/*
 * `npm run bench`: the apply rate of InventoryLevelSet through the runtime (Kafka → dedup →
 * version-guarded upsert) against the bare SQL upsert and a naive one-transaction-per-event
 * consumer, on the same events. Prints the figures next to the targets and saves them to
 * `bench-results/`. A missed target is reported, not failed; an error exits non-zero.
 */

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind === 'help') {
    say(USAGE);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`ferry bench: ${parsed.problem}\n${USAGE}\n`);
    return 2;
  }
  // Leave the infrastructure as found: other sessions may be using what was already running.
  const alreadyRunning = (await infraStatus()).some(
    (service) => service.running && service.managedByFerry,
  );
  say('· starting (or checking) Kafka, the schema registry and Postgres');
  const endpoints = await infraUp({
    log: (line) => {
      say(`    ${line}`);
    },
  });
  // Only what this run started is stopped again (nothing, when endpoints are given from outside).
  const startedHere =
    !alreadyRunning &&
    (await infraStatus()).some((service) => service.running && service.managedByFerry);
  try {
    const result = await runApplyBenchmark(parsed.options, endpoints, say);
    say('');
    formatReport(result).forEach(say);
    say(`  saved ${relative(process.cwd(), saveBenchResult(result))}`);
    return 0;
  } finally {
    if (startedHere) {
      say('· stopping Kafka, the schema registry and Postgres (this run started them)');
      await infraDown();
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `ferry bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
