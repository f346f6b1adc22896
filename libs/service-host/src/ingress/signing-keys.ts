import { FerryError } from '@ferry/failures';
import { readFileSync } from 'node:fs';
import { ConfigError } from '@ferry/config';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { KeySource } from './auth-options';

/**
 * The keys tokens are verified with. A token naming a key id the set does not hold makes the set
 * reload (at most once per cooldown): that is how a rotated-in key becomes known without a
 * restart. A set older than `maxAgeMs` is loaded again: that is how a retired key stops passing.
 * The URL source is jose's remote set (bounded fetch, same cooldown and age).
 */
export function signingKeys(source: KeySource, clock: () => number = Date.now): JWTVerifyGetKey {
  if (source.kind === 'url')
    return createRemoteJWKSet(new URL(source.url), {
      timeoutDuration: source.timeoutMs,
      cooldownDuration: source.cooldownMs,
      cacheMaxAge: source.maxAgeMs,
    });
  return jwksFileKeys(source, clock);
}

function jwksFileKeys(
  source: Extract<KeySource, { kind: 'file' }>,
  clock: () => number,
): JWTVerifyGetKey {
  // A file that cannot be read at start is a configuration error: the service does not start.
  let keys = createLocalJWKSet(readJwksFile(source.path, (problem) => new ConfigError([problem])));
  let loadedAt = clock();
  // Later, a file being rewritten is a passing outage of the key source (503), not a refusal.
  const reload = (): void => {
    keys = createLocalJWKSet(readJwksFile(source.path, (problem) => new KeysUnavailable(problem)));
    loadedAt = clock();
  };
  return async (header, token) => {
    if (clock() - loadedAt >= source.maxAgeMs) reload();
    try {
      return await keys(header, token);
    } catch (error: unknown) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || clock() - loadedAt < source.cooldownMs)
        throw error;
      reload();
      return keys(header, token);
    }
  };
}

/** The key source could not be read: requests wait for it rather than being refused. */
export class KeysUnavailable extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'unavailable', options);
  }
}

function readJwksFile(path: string, failure: (problem: string) => Error): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw failure(`FERRY_AUTH_JWKS_FILE ${path} is not a readable JSON file: ${reason}`);
  }
  const problem = jwksProblem(parsed);
  if (problem !== undefined) throw failure(`FERRY_AUTH_JWKS_FILE ${path}: ${problem}`);
  return parsed as JSONWebKeySet;
}

/** Pure: why a parsed file is not a JWKS of public signing keys, or undefined when it is one. */
export function jwksProblem(parsed: unknown): string | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('keys' in parsed))
    return 'expected a JWKS, {"keys": [...]}';
  const { keys } = parsed;
  if (!Array.isArray(keys) || keys.length === 0) return 'expected at least one key in "keys"';
  for (const key of keys as unknown[]) {
    if (typeof key !== 'object' || key === null || !('kty' in key))
      return 'every key needs a "kty"';
    if (key.kty === 'oct') return 'holds a symmetric (oct) key; only public keys belong here';
    if ('d' in key) return 'holds a private key; publish only the public part';
  }
  return undefined;
}
