import { relative } from 'node:path';
import { withLocalInfra, type Endpoints } from '@ferry/local-infra';
import { planFuzzCases } from './cases/plan';
import { judge } from './checks/verdict';
import { parseFuzzArgs, USAGE, type FuzzOptions } from './cli-options';
import { formatFindings, formatRefusals, formatTable, formatVerdict } from './report/format-report';
import { saveFuzzResult, testedCommit } from './report/fuzz-result';
import { sendPlan } from './send/send-plan';
import { startFuzzSystem } from './system/fuzz-system';
import { drain, observe } from './system/observe';

/*
 * `npm run fuzz`: hostile input to every HTTP surface of a running Ferry (WMS adapter, order API,
 * Odoo webhook), then what became of it: status codes per endpoint, every 5xx with its input,
 * accepted events that were dead-lettered or never projected, events published for a refused
 * request, Idempotency-Keys left pending, orders published twice. Exits 1 when a rule is broken.
 */

const REQUEST_TIMEOUT_MS = 30_000;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function fuzz(options: FuzzOptions, endpoints: Endpoints, startedAt: Date): Promise<boolean> {
  const cases = planFuzzCases(options.seed, options.requests);
  say(
    `· seed ${options.seed}: ${options.requests.toLocaleString('en-US')} requests in ${cases.length.toLocaleString('en-US')} cases, ${options.concurrency} at a time (rerun with --seed ${options.seed})`,
  );
  const system = await startFuzzSystem(endpoints);
  try {
    say(
      `· Ferry up against the simulated Odoo and WMS (${seconds(Date.now() - startedAt.getTime())})`,
    );
    const sending = Date.now();
    let reported = 0;
    const records = await sendPlan(cases, system.targets, {
      concurrency: options.concurrency,
      timeoutMs: REQUEST_TIMEOUT_MS,
      onProgress: (sent) => {
        if (sent - reported < options.requests / 10) return;
        reported = sent;
        say(`    ${sent.toLocaleString('en-US')} sent (${seconds(Date.now() - sending)})`);
      },
    });
    say(
      `· sent ${records.length.toLocaleString('en-US')} requests in ${seconds(Date.now() - sending)}; waiting for the consumers to drain`,
    );
    const draining = Date.now();
    const drained = await drain(system, records, options.drainTimeoutSeconds * 1000);
    say(
      `  ${drained ? 'drained' : 'NOT drained: what is missing now counts as missing'} (${seconds(Date.now() - draining)})`,
    );
    const verdict = judge(records, await observe(system));
    const took = Date.now() - startedAt.getTime();
    say('');
    formatTable(verdict.figures).forEach(say);
    say('\n4xx by error code:');
    formatRefusals(verdict.figures).forEach(say);
    if (verdict.findings.length > 0) {
      say('\nFindings (a sample of each):');
      formatFindings(verdict.findings).forEach(say);
    }
    say('\nRules:');
    formatVerdict(verdict).forEach(say);
    const file = saveFuzzResult({
      startedAt: startedAt.toISOString(),
      seconds: Math.round(took / 1000),
      commit: testedCommit(),
      options,
      drained,
      verdict,
    });
    say(`seed ${options.seed}, ${seconds(took)} in all; saved ${relative(process.cwd(), file)}`);
    return verdict.passed;
  } finally {
    await system.stop();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseFuzzArgs(argv);
  if (parsed.kind === 'help') {
    say(USAGE);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`ferry fuzz: ${parsed.problem}\n${USAGE}\n`);
    return 2;
  }
  const startedAt = new Date();
  const passed = await withLocalInfra((endpoints) => fuzz(parsed.options, endpoints, startedAt), {
    log: (line) => {
      say(`    ${line}`);
    },
    onStopping: () => {
      say('· stopping Kafka, the schema registry and Postgres (this run started them)');
    },
  });
  return passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `ferry fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
