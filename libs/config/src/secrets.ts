import { FerryError } from '@ferry/failures';
import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './options';

/**
 * Where a secret comes from: its variable `X`, or the file that `X_FILE` names (a mounted
 * Kubernetes Secret, a projected token). Messages name the variable and the path, never the value.
 */
export type SecretSource =
  | { readonly env: string; readonly value: string }
  | { readonly env: string; readonly file: string };

/** The secret of the `env` / `env_FILE` pair; undefined when neither is set. */
export function secretSource(env: string, value: string, file: string): SecretSource | undefined {
  if (value !== '' && file !== '')
    throw new ConfigError([`${env} and ${env}_FILE are both set: give one of them`]);
  if (value !== '') return { env, value };
  if (file !== '') return { env, file };
  return undefined;
}

export function describeSecretSource(source: SecretSource): string {
  return 'file' in source ? `${source.env}_FILE=${source.file}` : source.env;
}

/** A secret that cannot be read; its message names where it was looked for, not what it holds. */
export class SecretUnreadableError extends FerryError {
  constructor(source: SecretSource, reason: string) {
    super(`${describeSecretSource(source)}: ${reason}`, 'permanent');
  }
}

/** Files written by `echo` or an editor end in a line break that is not part of the secret. */
function secretText(source: SecretSource, text: string): string {
  const secret = text.replace(/[\r\n]+$/, '');
  if (secret === '') throw new SecretUnreadableError(source, 'is empty');
  return secret;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : 'unreadable';
}

/** The secret as it is now (read at start: TLS material, a check that a file is there). */
export function readSecret(source: SecretSource): string {
  if (!('file' in source)) return secretText(source, source.value);
  try {
    return secretText(source, readFileSync(source.file, 'utf8'));
  } catch (error: unknown) {
    if (error instanceof SecretUnreadableError) throw error;
    throw new SecretUnreadableError(source, `cannot be read (${codeOf(error)})`);
  }
}

/**
 * The secret, re-read whenever its file changed. Kubernetes rotates a mounted Secret or a
 * projected token by swapping the file behind a symlink, so a value read once would go stale
 * under a running service; a stat per call is what noticing that costs.
 */
export function currentSecret(source: SecretSource): () => string {
  if (!('file' in source)) {
    const value = secretText(source, source.value);
    return () => value;
  }
  let known: { readonly version: string; readonly value: string } | undefined;
  return () => {
    try {
      const { ino, size, mtimeMs, ctimeMs } = statSync(source.file);
      const version = `${ino}/${size}/${mtimeMs}/${ctimeMs}`;
      if (known?.version !== version) {
        known = { version, value: secretText(source, readFileSync(source.file, 'utf8')) };
      }
      return known.value;
    } catch (error: unknown) {
      if (error instanceof SecretUnreadableError) throw error;
      throw new SecretUnreadableError(source, `cannot be read (${codeOf(error)})`);
    }
  };
}

/** `currentSecret` for callers that await (the registry client's middleware). */
export function watchedSecret(source: SecretSource): () => Promise<string> {
  const read = currentSecret(source);
  return () => Promise.resolve().then(read);
}
