import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, option, readConfig, readSecret, secretSource, watchedSecret } from './index';

const dir = mkdtempSync(join(tmpdir(), 'ferry-secrets-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('secret options', () => {
  it('never repeat a secret value in a configuration error', () => {
    const specs = {
      password: option(
        'T_PASSWORD',
        () => {
          throw new Error('too short');
        },
        '',
        'a password',
        { secret: true },
      ),
    };
    expect(() => readConfig(specs, { T_PASSWORD: 'hunter2' })).toThrow(
      new ConfigError(['T_PASSWORD is invalid: too short']),
    );
  });

  it('take a secret from the variable or from the file X_FILE names, not from both', () => {
    expect(secretSource('T_TOKEN', 'abc', '')).toEqual({ env: 'T_TOKEN', value: 'abc' });
    expect(secretSource('T_TOKEN', '', '/run/token')).toEqual({
      env: 'T_TOKEN',
      file: '/run/token',
    });
    expect(secretSource('T_TOKEN', '', '')).toBeUndefined();
    expect(() => secretSource('T_TOKEN', 'abc', '/run/token')).toThrow(/T_TOKEN and T_TOKEN_FILE/);
  });
});

describe('reading a secret', () => {
  it("drops a file's trailing line break", () => {
    const file = join(dir, 'password');
    writeFileSync(file, 'pa ss\n');
    expect(readSecret({ env: 'T_PASSWORD', file })).toBe('pa ss');
  });

  it('names the variable and the path of a missing or empty file, never a value', () => {
    const missing = join(dir, 'missing');
    expect(() => readSecret({ env: 'T_PASSWORD', file: missing })).toThrow(
      `T_PASSWORD_FILE=${missing}: cannot be read (ENOENT)`,
    );
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    expect(() => readSecret({ env: 'T_PASSWORD', file: empty })).toThrow(/is empty/);
  });

  it('re-reads a file when it changes (a rotated token), and only then', async () => {
    const file = join(dir, 'token');
    writeFileSync(file, 'first-token');
    const token = watchedSecret({ env: 'T_TOKEN', file });
    expect(await token()).toBe('first-token');
    writeFileSync(file, 'second-token-longer');
    expect(await token()).toBe('second-token-longer');
    expect(await token()).toBe('second-token-longer');
  });
});
