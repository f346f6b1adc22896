import { parseArgs } from 'node:util';
import type { DeadLetterFilter, ParkedKeyFilter, ReplayTarget } from '@ferry/kafka-runtime';
import { deadLetterFilter, FILTER_OPTIONS } from './filter-arguments';
import { UsageError } from './ops-errors';

export interface ListCommand {
  readonly name: 'dlq list';
  readonly dlqTopic: string;
  readonly filter: DeadLetterFilter;
  readonly limit: number | undefined;
}

export interface ReplayCommand {
  readonly name: 'dlq replay';
  readonly dlqTopic: string;
  readonly filter: DeadLetterFilter;
  readonly target: ReplayTarget;
  readonly ratePerSecond: number;
  readonly dryRun: boolean;
  readonly reason: string | undefined;
}

export interface AuditCommand {
  readonly name: 'dlq audit';
  readonly dlqTopic: string | undefined;
  readonly limit: number;
}

export interface ParkedListCommand {
  readonly name: 'parked list';
  readonly filter: ParkedKeyFilter;
  readonly limit: number;
}

export interface ParkedReleaseCommand {
  readonly name: 'parked release';
  readonly group: string;
  readonly topic: string;
  readonly key: string;
  readonly reason: string;
}

/** `acls plan` shows what `acls apply` would change; `apply` changes it only with --execute. */
export interface AclsCommand {
  readonly name: 'acls plan' | 'acls apply';
  readonly execute: boolean;
  /** Recorded in the audit with an executed apply. */
  readonly reason: string | undefined;
}

export type OpsCommand =
  | ListCommand
  | ReplayCommand
  | AuditCommand
  | ParkedListCommand
  | ParkedReleaseCommand
  | AclsCommand;

export type ParsedCommandLine =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly command: OpsCommand;
      readonly json: boolean;
      readonly verbose: boolean;
    };

const DEFAULT_RATE_PER_SECOND = 50;
const DEFAULT_AUDIT_LIMIT = 20;
const DEFAULT_PARKED_LIMIT = 50;

const PARKED_STATES: readonly NonNullable<ParkedKeyFilter['state']>[] = [
  'retrying',
  'dead-lettered',
  'releasing',
];

/** `--to` values and the replay target each one means. */
const TARGETS: Readonly<Record<string, ReplayTarget>> = {
  original: 'original-topic',
  consumer: 'retry-now',
};

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...FILTER_OPTIONS,
  topic: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  reason: { type: 'string' },
  // Read only to say why it is refused: the operator is the authenticated Postgres role.
  by: { type: 'string' },
  rate: { type: 'string' },
  'dry-run': { type: 'boolean' },
  to: { type: 'string' },
  state: { type: 'string' },
  execute: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

const ALLOWED: Readonly<Record<OpsCommand['name'], readonly OptionName[]>> = {
  'dlq list': ['topic', 'limit', ...filterOptionNames()],
  'dlq replay': ['topic', 'all', 'reason', 'rate', 'dry-run', 'to', ...filterOptionNames()],
  'dlq audit': ['topic', 'limit'],
  'parked list': ['group', 'topic', 'key', 'state', 'limit'],
  'parked release': ['group', 'topic', 'key', 'reason'],
  'acls plan': [],
  'acls apply': ['execute', 'reason'],
};

/** Reads the command line (without `node main.js`); throws UsageError for anything malformed. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const { values, positionals } = parseStrictly(argv);
  if (values.help === true) return { help: true };
  if (values.by !== undefined)
    throw new UsageError(
      '--by is no longer taken: the audit records the Postgres role you connect as (your own ' +
        'credentials in DATABASE_URL / PGPASSFILE); say more in --reason',
    );
  const name = positionals.join(' ');
  if (!isCommandName(name))
    throw new UsageError(
      positionals.length === 0 ? 'No command given' : `Unknown command: ${name}`,
    );
  const stray = (Object.keys(values) as OptionName[]).filter(
    (option) => !(option in COMMON_OPTIONS) && !ALLOWED[name].includes(option),
  );
  if (stray.length > 0)
    throw new UsageError(`${name} does not take ${stray.map((o) => `--${o}`).join(', ')}`);
  return {
    help: false,
    command: commandOf(name, values),
    json: values.json === true,
    verbose: values.verbose === true,
  };
}

type Values = ReturnType<typeof parseStrictly>['values'];

function commandOf(name: OpsCommand['name'], values: Values): OpsCommand {
  switch (name) {
    case 'dlq list':
      return {
        name,
        dlqTopic: required(values.topic, '--topic'),
        filter: deadLetterFilter(values),
        limit: values.limit === undefined ? undefined : positiveInteger(values.limit, '--limit'),
      };
    case 'dlq replay':
      return replayCommand(values);
    case 'dlq audit':
      return {
        name,
        dlqTopic: values.topic,
        limit: positiveInteger(values.limit ?? String(DEFAULT_AUDIT_LIMIT), '--limit'),
      };
    case 'parked list':
      return {
        name,
        filter: {
          group: values.group,
          topic: values.topic,
          key: values.key,
          state: parkedState(values.state),
        },
        limit: positiveInteger(values.limit ?? String(DEFAULT_PARKED_LIMIT), '--limit'),
      };
    case 'parked release':
      return parkedReleaseCommand(values);
    case 'acls plan':
      return { name, execute: false, reason: undefined };
    case 'acls apply':
      return { name, execute: values.execute === true, reason: values.reason?.trim() || undefined };
  }
}

function parkedReleaseCommand(values: Values): ParkedReleaseCommand {
  return {
    name: 'parked release',
    group: required(values.group, '--group'),
    topic: required(values.topic, '--topic'),
    // A key is matched exactly as given, spaces included.
    key: exact(values.key, '--key'),
    reason: required(values.reason, '--reason "<why>"'),
  };
}

function parkedState(raw: string | undefined): ParkedKeyFilter['state'] {
  if (raw === undefined) return undefined;
  const state = PARKED_STATES.find((candidate) => candidate === raw);
  if (state === undefined)
    throw new UsageError(`--state must be ${PARKED_STATES.join(', ')}, not "${raw}"`);
  return state;
}

function replayCommand(values: Values): ReplayCommand {
  const filter = deadLetterFilter(values);
  const dryRun = values['dry-run'] === true;
  const selectsSome = Object.values(filter).some((condition) => condition !== undefined);
  if (selectsSome && values.all === true)
    throw new UsageError('--all replays the whole topic; leave out the filters or --all');
  if (!selectsSome && values.all !== true)
    throw new UsageError(
      'Say which records to replay (--offset or filters), or --all for every one',
    );
  const reason = values.reason?.trim();
  if (!dryRun && (reason === undefined || reason === ''))
    throw new UsageError('--reason "<why>" is required for a replay (not for --dry-run)');
  const to = values.to ?? 'original';
  const target = TARGETS[to];
  if (target === undefined)
    throw new UsageError(`--to must be ${Object.keys(TARGETS).join(' or ')}, not "${to}"`);
  return {
    name: 'dlq replay',
    dlqTopic: required(values.topic, '--topic'),
    filter,
    target,
    ratePerSecond: positiveNumber(values.rate ?? String(DEFAULT_RATE_PER_SECOND), '--rate'),
    dryRun,
    reason: reason === '' ? undefined : reason,
  };
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    // parseArgs reports unknown options and missing values as TypeErrors with a readable message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function isCommandName(name: string): name is OpsCommand['name'] {
  return name in ALLOWED;
}

function filterOptionNames(): OptionName[] {
  return Object.keys(FILTER_OPTIONS) as (keyof typeof FILTER_OPTIONS)[];
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value.trim();
}

function exact(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`${flag} must be a whole number of at least 1, not "${raw}"`);
  return value;
}

function positiveNumber(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} must be a number above 0, not "${raw}"`);
  return value;
}
