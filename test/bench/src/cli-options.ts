/** What `npm run bench -- [options]` accepts: every option with its default and bounds beside it. */
const OPTIONS = {
  events: {
    flag: '--events',
    default: 200_000,
    min: 1_000,
    max: 5_000_000,
    description: 'InventoryLevelSet events applied by the runtime and by bare SQL',
  },
  keys: {
    flag: '--keys',
    default: 20_000,
    min: 1,
    max: 1_000_000,
    description: 'distinct SKU@location keys the events are spread over',
  },
  naiveEvents: {
    flag: '--naive-events',
    default: 5_000,
    min: 100,
    max: 5_000_000,
    description: 'events the naive one-transaction-per-event consumer handles (a sample)',
  },
  maxBatchSize: {
    flag: '--max-batch-size',
    default: 5000,
    min: 1,
    max: 10_000,
    description: "FERRY_MAX_BATCH_SIZE of the projector; bare SQL's batch size too",
  },
  partitionsConcurrently: {
    flag: '--partitions-concurrently',
    default: 3,
    min: 1,
    max: 64,
    description: "FERRY_PARTITIONS_CONCURRENTLY of the projector; bare SQL's parallel streams too",
  },
  projectorHeapMb: {
    flag: '--projector-heap-mb',
    default: 160,
    min: 0,
    max: 16_384,
    description:
      "caps the projector's V8 heap (NODE_OPTIONS=--max-old-space-size); 0: Node's default",
  },
  projectorSemiSpaceMb: {
    flag: '--projector-semi-space-mb',
    default: 0,
    min: 0,
    max: 256,
    description:
      "the projector's V8 young generation semi-space (--max-semi-space-size); 0: Node's default",
  },
  profile: {
    flag: '--profile',
    default: 0,
    min: 0,
    max: 1,
    description:
      "1: record the projector's CPU profile (--cpu-prof) into bench-results/ and print its top entries",
  },
  snapshotsPerRequest: {
    flag: '--snapshots-per-request',
    default: 20,
    min: 1,
    max: 1_000,
    description: 'e2e and latency: snapshots in one HTTP request (latency runs this and 5× this)',
  },
  concurrency: {
    flag: '--concurrency',
    default: 16,
    min: 1,
    max: 256,
    description: 'e2e: HTTP requests in flight',
  },
  rate: {
    flag: '--rate',
    default: 2_000,
    min: 10,
    max: 100_000,
    description: 'latency: events per second, sent on a fixed schedule',
  },
  durationS: {
    flag: '--duration-s',
    default: 20,
    min: 3,
    max: 3_600,
    description: 'latency: seconds each steady run lasts',
  },
  seed: {
    flag: '--seed',
    default: 20_261_123,
    min: 0,
    max: 2 ** 31 - 1,
    description: 'seed of the event sequence (the same seed gives the same events)',
  },
} as const;

export const MODES = ['apply', 'e2e', 'latency'] as const;
export type BenchMode = (typeof MODES)[number];

export type BenchOptions = { readonly [K in keyof typeof OPTIONS]: number } & {
  /** apply: Kafka → Postgres; e2e: HTTP → Kafka → Postgres at full speed; latency: steady rate. */
  readonly mode: BenchMode;
};

export type ParsedBenchArgs =
  | { readonly kind: 'run'; readonly options: BenchOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly problem: string };

export const USAGE = [
  'Usage: npm run bench -- [--mode apply|e2e|latency] [options]',
  ...Object.values(OPTIONS).map(
    (o) => `  ${`${o.flag} N`.padEnd(30)}${o.description} (default ${o.default})`,
  ),
].join('\n');

/** Parses `process.argv.slice(2)`; `--flag N` and `--flag=N` both work. */
export function parseBenchArgs(argv: readonly string[]): ParsedBenchArgs {
  const options: Record<string, number> = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, o]) => [name, o.default]),
  );
  let mode: BenchMode = 'apply';
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const [flag = '', inline] = arg.split('=', 2);
    if (flag === '--mode') {
      const value = inline ?? argv[++index];
      const known = MODES.find((m) => m === value);
      if (!known) return { kind: 'invalid', problem: `--mode must be one of ${MODES.join(', ')}` };
      mode = known;
      continue;
    }
    const entry = Object.entries(OPTIONS).find(([, o]) => o.flag === flag);
    if (!entry) return { kind: 'invalid', problem: `unknown argument "${arg}"` };
    const [name, option] = entry;
    const raw = inline ?? argv[++index];
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(value))
      return { kind: 'invalid', problem: `${flag} needs an integer` };
    if (value < option.min || value > option.max)
      return {
        kind: 'invalid',
        problem: `${flag} must be between ${option.min} and ${option.max}`,
      };
    options[name] = value;
  }
  const parsed = { ...options, mode } as BenchOptions;
  if (parsed.naiveEvents > parsed.events)
    return { kind: 'invalid', problem: '--naive-events cannot be more than --events' };
  return { kind: 'run', options: parsed };
}
