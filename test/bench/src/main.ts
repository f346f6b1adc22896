import { relative } from 'node:path';
import { infraDown, infraStatus, infraUp, type Endpoints } from '@ferry/local-infra';
import { runApplyBenchmark } from './apply-benchmark';
import { repoRoot, saveBenchResult } from './bench-result';
import { parseBenchArgs, USAGE, type BenchOptions } from './cli-options';
import { runEndToEndBenchmark, runLatencyBenchmark } from './flow/flow-benchmark';
import { formatEndToEnd, formatLatency } from './flow/format-flow';
import { readSourceRevision } from './probes/source-revision';
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
    const startedAt = new Date().toISOString();
    const { lines, result } = await runMode(parsed.options, endpoints);
    say('');
    lines.forEach(say);
    const revision = readSourceRevision(repoRoot);
    const saved = saveBenchResult(parsed.options.mode, startedAt, {
      startedAt,
      revision,
      parameters: parsed.options,
      ...result,
    });
    say(`  saved ${relative(process.cwd(), saved)}`);
    return 0;
  } finally {
    if (startedHere) {
      say('· stopping Kafka, the schema registry and Postgres (this run started them)');
      await infraDown();
    }
  }
}

async function runMode(
  options: BenchOptions,
  endpoints: Endpoints,
): Promise<{ lines: string[]; result: object }> {
  switch (options.mode) {
    case 'apply': {
      const result = await runApplyBenchmark(options, endpoints, say);
      return { lines: formatReport(result), result };
    }
    case 'e2e': {
      const result = await runEndToEndBenchmark(options, endpoints, say);
      return { lines: formatEndToEnd(result), result };
    }
    case 'latency': {
      const result = await runLatencyBenchmark(options, endpoints, say);
      return { lines: formatLatency(result), result };
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
