import { FerryError } from '@ferry/failures';
/**
 * Typed, validated configuration read from the environment.
 *
 * Every option names its variable, its default and what it is for, next to each other, so that
 * `describeOptions` can print the whole surface of a service and nothing is read ad hoc.
 */
export interface OptionSpec<T> {
  readonly env: string;
  readonly description: string;
  /** `undefined` makes the option required. */
  readonly default: T | undefined;
  readonly parse: (raw: string) => T;
  /** A secret's value is never repeated: not in errors, not in `describeOptions`. */
  readonly secret?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec<unknown>>;

export type ConfigOf<S extends OptionSpecs> = {
  readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never;
};

/** The environment does not make a valid configuration: nothing starts until someone fixes it. */
export class ConfigError extends FerryError {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`, 'permanent');
  }
}

export function option<T>(
  env: string,
  parse: (raw: string) => T,
  defaultValue: T | undefined,
  description: string,
  { secret = false }: { readonly secret?: boolean } = {},
): OptionSpec<T> {
  return { env, parse, default: defaultValue, description, secret };
}

/** Reads every option at once and reports all bad or missing variables together. */
export function readConfig<S extends OptionSpecs>(
  specs: S,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') {
      if (spec.default === undefined) problems.push(`${spec.env} is required: ${spec.description}`);
      values[key] = spec.default;
      continue;
    }
    try {
      values[key] = spec.parse(raw);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      const given = spec.secret === true ? '' : `=${JSON.stringify(raw)}`;
      problems.push(`${spec.env}${given} is invalid: ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}

/**
 * An optional secret given in the variable itself: its value never appears in an error. Empty
 * means not given. Its `_FILE` sibling (see `secretFileOption`) is the usual way in production.
 */
export function secretOption(env: string, description: string): OptionSpec<string> {
  return { env, parse: (raw) => raw, default: '', description, secret: true };
}

export function describeOptions(specs: OptionSpecs): string {
  return Object.values(specs)
    .map(
      (s) =>
        `${s.env} (${s.secret === true ? 'secret, ' : ''}default: ${s.default === undefined ? 'required' : JSON.stringify(s.default)}) ${s.description}`,
    )
    .join('\n');
}
