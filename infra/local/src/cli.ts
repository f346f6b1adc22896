#!/usr/bin/env node
import { ConfigError } from '@ferry/config';
import { parseCliArgs, USAGE } from './cli/args';
import type { CliCommand } from './cli/args';
import { formatEndpoints, formatStatus } from './cli/format';
import { followFiles, logFilesOf, printTails } from './cli/logs';
import { readLocalInfraConfig } from './config';
import { LocalInfraError } from './errors';
import { infraDown, infraReset, infraStatus, infraUp } from './index';
import { layoutOf } from './paths';

const print = (line: string): void => {
  console.log(line);
};

async function run(command: CliCommand): Promise<number> {
  switch (command.kind) {
    case 'help':
      print(USAGE);
      return 0;
    case 'up': {
      const started = Date.now();
      const endpoints = await infraUp({
        brokers: command.brokers,
        secure: command.secure,
        log: print,
      });
      const layout = layoutOf(readLocalInfraConfig().home);
      print(
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s; endpoints (also in ${layout.endpointsFile}):`,
      );
      for (const line of formatEndpoints(endpoints)) print(`  ${line}`);
      return 0;
    }
    case 'down':
      await infraDown({ log: print });
      return 0;
    case 'reset':
      await infraReset({ log: print });
      return 0;
    case 'status': {
      const statuses = await infraStatus();
      for (const line of formatStatus(statuses)) print(line);
      return 0;
    }
    case 'logs': {
      const layout = layoutOf(readLocalInfraConfig().home);
      const files = logFilesOf(layout, command.part);
      if (files.length === 0) {
        print(
          `no ${command.part ?? ''} logs in ${layout.logs} (${command.part === 'postgres' ? 'Postgres is not run by Ferry, or ' : ''}nothing started yet)`,
        );
        return 0;
      }
      printTails(files, 40, print);
      if (command.follow) await followFiles(files, print);
      return 0;
    }
  }
}

function report(error: unknown): void {
  if (error instanceof LocalInfraError) {
    console.error(`error: ${error.message}`);
    if (error.hint !== undefined) console.error(`hint: ${error.hint}`);
  } else if (error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

const parsed = parseCliArgs(process.argv.slice(2));
if (parsed.kind === 'invalid') {
  console.error(`error: ${parsed.problem}\n${USAGE}`);
  process.exit(2);
}
run(parsed).then(
  // Exit explicitly: HTTP keep-alive sockets and pg's timers must not hold the CLI open.
  (code) => process.exit(code),
  (error: unknown) => {
    report(error);
    process.exit(1);
  },
);
