/** What `npm run fuzz -- [options]` accepts, each option with its default and bounds. */
const OPTIONS = {
  requests: {
    flag: '--requests',
    default: 10_000,
    min: 1,
    max: 1_000_000,
    description: 'HTTP requests sent in all (an order retried counts each request)',
  },
  seed: {
    flag: '--seed',
    default: 20_261_129,
    min: 0,
    max: 2 ** 31 - 1,
    description: 'seed of the generated requests (the same seed sends the same requests)',
  },
  concurrency: {
    flag: '--concurrency',
    default: 4,
    min: 1,
    max: 32,
    description: 'cases in flight at once (the requests of one case go one after the other)',
  },
  drainTimeoutSeconds: {
    flag: '--drain-timeout-s',
    default: 120,
    min: 5,
    max: 1800,
    description: 'longest wait for the consumers to drain before the checks',
  },
} as const;

export type FuzzOptions = { readonly [K in keyof typeof OPTIONS]: number };

export type ParsedFuzzArgs =
  | { readonly kind: 'run'; readonly options: FuzzOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly problem: string };

export const USAGE = [
  'Usage: npm run fuzz -- [options]',
  ...Object.values(OPTIONS).map(
    (option) =>
      `  ${`${option.flag} N`.padEnd(22)}${option.description} (default ${option.default})`,
  ),
].join('\n');

/** Pure: reads `process.argv.slice(2)`; `--flag N` and `--flag=N` both work. */
export function parseFuzzArgs(argv: readonly string[]): ParsedFuzzArgs {
  const options: Record<string, number> = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, option]) => [name, option.default]),
  );
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const [flag = '', inline] = arg.split('=', 2);
    const found = Object.entries(OPTIONS).find(([, option]) => option.flag === flag);
    if (found === undefined) return { kind: 'invalid', problem: `unknown argument "${arg}"` };
    const [name, option] = found;
    const raw = inline ?? argv[++index] ?? '';
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isSafeInteger(value))
      return { kind: 'invalid', problem: `${flag} needs a whole number` };
    if (value < option.min || value > option.max)
      return { kind: 'invalid', problem: `${flag} takes ${option.min} to ${option.max}` };
    options[name] = value;
  }
  return { kind: 'run', options: options as FuzzOptions };
}
