import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from '@ferry/config';
import { registryAccessFrom } from './registry-access';
import { registryAccessOptions } from './registry-access-options';

const dir = mkdtempSync(join(tmpdir(), 'ferry-registry-access-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HTTPS = 'https://registry.example:8443/apis/ccompat/v7';
const SECRET = 'correct-horse-battery';

function accessOf(url: string, env: Record<string, string>) {
  return registryAccessFrom(url, readConfig(registryAccessOptions, env));
}

function problemsOf(url: string, env: Record<string, string>): string {
  try {
    accessOf(url, env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.message;
    if (error instanceof Error) return error.message;
  }
  throw new Error('expected the settings to be refused');
}

describe('registry access from the environment', () => {
  it('signs in with nothing when nothing is set', () => {
    expect(accessOf(HTTPS, {})).toEqual({ credentials: { kind: 'none' }, tls: {} });
  });

  it('takes a user and a password from a file, and a CA and client certificate', () => {
    const passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, SECRET);
    const pem = join(dir, 'pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\n');
    expect(
      accessOf(HTTPS, {
        SCHEMA_REGISTRY_USERNAME: 'ferry',
        SCHEMA_REGISTRY_PASSWORD_FILE: passwordFile,
        SCHEMA_REGISTRY_TLS_CA_FILE: pem,
        SCHEMA_REGISTRY_TLS_CERT_FILE: pem,
        SCHEMA_REGISTRY_TLS_KEY: 'key',
      }),
    ).toEqual({
      credentials: {
        kind: 'basic',
        username: 'ferry',
        password: { env: 'SCHEMA_REGISTRY_PASSWORD', file: passwordFile },
      },
      tls: {
        ca: { env: 'SCHEMA_REGISTRY_TLS_CA', file: pem },
        cert: { env: 'SCHEMA_REGISTRY_TLS_CERT', file: pem },
        key: { env: 'SCHEMA_REGISTRY_TLS_KEY', value: 'key' },
      },
    });
  });

  it('takes a bearer token', () => {
    expect(accessOf(HTTPS, { SCHEMA_REGISTRY_TOKEN: SECRET }).credentials).toEqual({
      kind: 'bearer',
      token: { env: 'SCHEMA_REGISTRY_TOKEN', value: SECRET },
    });
  });

  it.each<[string, string, Record<string, string>, RegExp]>([
    ['a password without a user', HTTPS, { SCHEMA_REGISTRY_PASSWORD: SECRET }, /go together/],
    ['a user without a password', HTTPS, { SCHEMA_REGISTRY_USERNAME: 'ferry' }, /go together/],
    [
      'a token beside a password',
      HTTPS,
      {
        SCHEMA_REGISTRY_TOKEN: SECRET,
        SCHEMA_REGISTRY_USERNAME: 'u',
        SCHEMA_REGISTRY_PASSWORD: SECRET,
      },
      /give one way to sign in/,
    ],
    [
      'a password and its file',
      HTTPS,
      {
        SCHEMA_REGISTRY_USERNAME: 'u',
        SCHEMA_REGISTRY_PASSWORD: SECRET,
        SCHEMA_REGISTRY_PASSWORD_FILE: '/x',
      },
      /both set/,
    ],
    ['a certificate without its key', HTTPS, { SCHEMA_REGISTRY_TLS_CERT: 'pem' }, /go together/],
    [
      'TLS material for a plain http URL',
      'http://127.0.0.1:1/apis/ccompat/v7',
      { SCHEMA_REGISTRY_TLS_CA: 'pem' },
      /not https/,
    ],
    [
      'a password sent in clear to another machine',
      'http://registry.example:8081/apis/ccompat/v7',
      { SCHEMA_REGISTRY_USERNAME: 'u', SCHEMA_REGISTRY_PASSWORD: SECRET },
      /plain http to registry\.example:8081: use https/,
    ],
    [
      'a user and password inside the URL',
      `https://u:${SECRET}@registry.example/apis/ccompat/v7`,
      {},
      /carries a user or password/,
    ],
    [
      'a token file that is not there',
      HTTPS,
      { SCHEMA_REGISTRY_TOKEN_FILE: '/nowhere/token' },
      /SCHEMA_REGISTRY_TOKEN_FILE=\/nowhere\/token: cannot be read/,
    ],
  ])('refuses %s, saying so without the secret', (_case, url, env, expected) => {
    const message = problemsOf(url, env);
    expect(message).toMatch(expected);
    expect(message).not.toContain(SECRET);
  });

  it('lets a password go over plain http to this machine (the local registry)', () => {
    const env = { SCHEMA_REGISTRY_USERNAME: 'u', SCHEMA_REGISTRY_PASSWORD: SECRET };
    expect(accessOf('http://127.0.0.1:18081/apis/ccompat/v7', env).credentials.kind).toBe('basic');
  });
});
