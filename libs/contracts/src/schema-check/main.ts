import { parseCliArguments } from './cli-arguments';
import { SchemaCheckError } from './errors';
import { ExitCodes, type ExitCode } from './exit-codes';
import { runSchemaCheck } from './run-schema-check';
import { exitCodeOf, formatReport } from './topic-report';

/**
 * `node libs/contracts/dist/schema-check/main.js [--schemas-root <dir>] [--live]`, with
 * SCHEMA_REGISTRY_URL set. Exit 0: all ok; 1: a schema is invalid or incompatible; 2: no verdict
 * (registry unreachable or answering unexpectedly, or bad arguments).
 */
async function main(): Promise<ExitCode> {
  const parsed = parseCliArguments(process.argv.slice(2), process.env, process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`schema-check: ${parsed.error}\n`);
    return ExitCodes.notChecked;
  }
  try {
    const report = await runSchemaCheck(parsed.settings);
    process.stdout.write(`${formatReport(report).join('\n')}\n`);
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    return exitCodeOf(report);
  } catch (error) {
    // Expected failures are said in one line; anything else is a bug and keeps its stack.
    if (!(error instanceof SchemaCheckError)) throw error;
    process.stderr.write(`schema-check: ${error.message}\n`);
    return ExitCodes.notChecked;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `schema-check failed unexpectedly: ${String(error instanceof Error ? error.stack : error)}\n`,
    );
    process.exitCode = ExitCodes.notChecked;
  },
);
