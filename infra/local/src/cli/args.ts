import { parseBrokerCount } from '../kafka/topology';
import type { BrokerCount } from '../kafka/topology';

export const LOG_PARTS = ['kafka', 'registry', 'postgres'] as const;
export type LogPart = (typeof LOG_PARTS)[number];

export type CliCommand =
  | { readonly kind: 'up'; readonly brokers: BrokerCount; readonly secure: boolean }
  | { readonly kind: 'down' }
  | { readonly kind: 'status' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'logs'; readonly part: LogPart | undefined; readonly follow: boolean }
  | { readonly kind: 'help' };

export type ParsedArgs = CliCommand | { readonly kind: 'invalid'; readonly problem: string };

export const USAGE = `Usage: ferry-infra <command>
  up [--brokers 1|3] [--secure]          start Kafka, schema registry and Postgres; print endpoints
                                         (--secure: SASL_SSL + mutual TLS only, ACLs enforced)
  down                                   stop everything Ferry started
  status                                 show each part, its pid and endpoint
  logs [kafka|registry|postgres] [--follow]  show (or follow) the logs
  reset                                  down, then delete data (downloads are kept)`;

/** Parses `process.argv.slice(2)`. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up':
      return parseUp(rest);
    case 'down':
    case 'status':
    case 'reset':
      return rest.length === 0 ? { kind: command } : invalid(`${command} takes no arguments`);
    case 'logs':
      return parseLogs(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help' };
    default:
      return invalid(`unknown command "${command}"`);
  }
}

function parseUp(args: readonly string[]): ParsedArgs {
  let brokers: BrokerCount = 1;
  let secure = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    let value: string | undefined;
    if (arg === '--secure') {
      secure = true;
      continue;
    }
    if (arg === '--brokers') value = args[++index];
    else if (arg.startsWith('--brokers=')) value = arg.slice('--brokers='.length);
    else return invalid(`up: unknown argument "${arg}"`);
    const parsed = parseBrokerCount(value ?? '');
    if (parsed === undefined) return invalid('up: --brokers must be 1 or 3');
    brokers = parsed;
  }
  return { kind: 'up', brokers, secure };
}

function parseLogs(args: readonly string[]): ParsedArgs {
  let part: LogPart | undefined;
  let follow = false;
  for (const arg of args) {
    if (arg === '--follow' || arg === '-f') follow = true;
    else if (isLogPart(arg) && part === undefined) part = arg;
    else return invalid(`logs: unexpected argument "${arg}"`);
  }
  return { kind: 'logs', part, follow };
}

function isLogPart(value: string): value is LogPart {
  return (LOG_PARTS as readonly string[]).includes(value);
}

function invalid(problem: string): ParsedArgs {
  return { kind: 'invalid', problem };
}
