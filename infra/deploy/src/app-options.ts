import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OptionSpec, OptionSpecs } from '@ferry/config';
import { appsDir } from './paths';

/**
 * Each app's configuration surface, read from the app itself: `apps/<app>/src/config.ts` exports
 * the options object its `readConfig` reads (built with `option`/`secretOption`). The generator
 * loads that module by path — the compiled `dist/config.js` when it runs built, the source under
 * Jest — and takes its one export that is an options record. Apps need no extra export and no
 * list of variables is kept here, so a new option reaches the manifests by regeneration (and the
 * check fails until it is committed). Loading by path keeps the apps out of this tool's imports:
 * module boundaries forbid a tool depending on an app.
 */
export function loadAppOptions(app: string): OptionSpecs {
  const module = loadConfigModule(app);
  const found = Object.entries(module).filter(([, value]) => isOptionSpecs(value));
  if (found.length !== 1)
    throw new Error(
      `apps/${app}/src/config.ts must export exactly one options object, found ${found.length}` +
        (found.length > 0 ? ` (${found.map(([name]) => name).join(', ')})` : ''),
    );
  return (found[0] as [string, OptionSpecs])[1];
}

function loadConfigModule(app: string): Record<string, unknown> {
  const underJest = __filename.endsWith('.ts');
  const path = join(appsDir, app, underJest ? 'src/config.ts' : 'dist/config.js');
  if (!existsSync(path))
    throw new Error(`${path} does not exist (build first: npx tsc -b tsconfig.build.json)`);
  // A path known only at run time: the one place this tool requires a module dynamically.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as Record<string, unknown>;
}

function isOptionSpec(value: unknown): value is OptionSpec<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const spec = value as Record<string, unknown>;
  return (
    typeof spec['env'] === 'string' &&
    typeof spec['parse'] === 'function' &&
    typeof spec['description'] === 'string'
  );
}

function isOptionSpecs(value: unknown): value is OptionSpecs {
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every(isOptionSpec);
}

/** The variables of an options record, each once (several apps spread shared groups). */
export function optionList(specs: OptionSpecs): OptionSpec<unknown>[] {
  const byEnv = new Map<string, OptionSpec<unknown>>();
  for (const spec of Object.values(specs)) byEnv.set(spec.env, spec);
  return [...byEnv.values()];
}

/**
 * A service with a schema of its own (FERRY_DB_SCHEMA) has migrations to run, so a migrate Job;
 * the lag exporter only reads other schemas' audit.
 */
export function usesDatabase(specs: OptionSpecs): boolean {
  return optionList(specs).some((spec) => spec.env === 'FERRY_DB_SCHEMA');
}
