import { resolve } from 'node:path';
import { ConfigError, readConfig, SecretUnreadableError } from '@ferry/config';
import { SCHEMAS_ROOT } from '../contract';
import { registryAccessFrom, type RegistryAccess } from '../registry-access/registry-access';
import { registryAccessOptions } from '../registry-access/registry-access-options';

export const USAGE =
  'usage: SCHEMA_REGISTRY_URL=<url of the Confluent-compatible API> ' +
  'node libs/contracts/dist/schema-check/main.js [--schemas-root <dir>] [--live]';

export interface CliSettings {
  readonly registryUrl: string;
  readonly registryAccess: RegistryAccess;
  readonly schemasRoot: string;
  readonly live: boolean;
}

export type CliArguments =
  | { readonly ok: true; readonly settings: CliSettings }
  | { readonly ok: false; readonly error: string };

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}

const fail = (error: string): CliArguments => ({ ok: false, error: `${error}\n${USAGE}` });

/** The CLI's settings from its arguments and environment; relative paths are taken from `cwd`. */
export function parseCliArguments(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliArguments {
  let schemasRoot = SCHEMAS_ROOT;
  let live = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--live') {
      live = true;
    } else if (arg === '--schemas-root' || arg.startsWith('--schemas-root=')) {
      const value = arg === '--schemas-root' ? args[++i] : arg.slice('--schemas-root='.length);
      if (!value) return fail('--schemas-root needs a directory');
      schemasRoot = resolve(cwd, value);
    } else {
      return fail(`unknown argument: ${arg}`);
    }
  }
  const registryUrl = env['SCHEMA_REGISTRY_URL']?.trim();
  if (!registryUrl) {
    return fail(
      'SCHEMA_REGISTRY_URL is not set: it must be the Confluent-compatible API of the schema ' +
        'registry, e.g. http://127.0.0.1:18081/apis/ccompat/v7 (`npm run infra -- up` prints it)',
    );
  }
  if (!isHttpUrl(registryUrl)) {
    return fail(`SCHEMA_REGISTRY_URL is not an http(s) URL: ${registryUrl}`);
  }
  let registryAccess: RegistryAccess;
  try {
    registryAccess = registryAccessFrom(registryUrl, readConfig(registryAccessOptions, env));
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.problems.join('; '));
    if (error instanceof SecretUnreadableError) return fail(error.message);
    throw error;
  }
  return { ok: true, settings: { registryUrl, registryAccess, schemasRoot, live } };
}
