import { constants } from 'node:os';
import { runOpsCli } from './cli/run-ops-cli';

// In a container the CLI is PID 1 (`kubectl run`, a Job), and the kernel drops signals that PID 1
// has no handler for: Ctrl-C and the Job's SIGTERM would do nothing until the SIGKILL. These
// handlers end it as a terminal would (128 + signal number), wherever it runs.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    process.exit(128 + constants.signals[signal]);
  });

void runOpsCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
