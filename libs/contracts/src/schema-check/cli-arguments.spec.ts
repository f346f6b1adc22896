import { SCHEMAS_ROOT } from '../contract';
import { OPEN_REGISTRY } from '../registry-access/registry-access';
import { parseCliArguments } from './cli-arguments';

const URL_ENV = { SCHEMA_REGISTRY_URL: 'http://127.0.0.1:18081/apis/ccompat/v7' };

describe('parseCliArguments', () => {
  it("defaults to the repository's schemas and a scratch check", () => {
    expect(parseCliArguments([], URL_ENV, '/work')).toEqual({
      ok: true,
      settings: {
        registryUrl: URL_ENV.SCHEMA_REGISTRY_URL,
        registryAccess: OPEN_REGISTRY,
        schemasRoot: SCHEMAS_ROOT,
        live: false,
      },
    });
  });

  it('reads --schemas-root (relative to the working directory) and --live', () => {
    const forms = [
      ['--schemas-root', 'tmp/schemas', '--live'],
      ['--live', '--schemas-root=tmp/schemas'],
    ];
    for (const args of forms) {
      expect(parseCliArguments(args, URL_ENV, '/work')).toEqual({
        ok: true,
        settings: {
          registryUrl: URL_ENV.SCHEMA_REGISTRY_URL,
          registryAccess: OPEN_REGISTRY,
          schemasRoot: '/work/tmp/schemas',
          live: true,
        },
      });
    }
  });

  it('refuses to run without SCHEMA_REGISTRY_URL, saying what it must be', () => {
    const parsed = parseCliArguments([], {}, '/work');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^SCHEMA_REGISTRY_URL is not set: .*ccompat\/v7/);
  });

  it('refuses unknown arguments, a missing directory and a URL that is not one', () => {
    const errors = [
      parseCliArguments(['--verbose'], URL_ENV, '/work'),
      parseCliArguments(['--schemas-root'], URL_ENV, '/work'),
      parseCliArguments([], { SCHEMA_REGISTRY_URL: 'registry:8081' }, '/work'),
    ].map((parsed) => (parsed.ok ? '' : (parsed.error.split('\n')[0] ?? '')));
    expect(errors).toEqual([
      'unknown argument: --verbose',
      '--schemas-root needs a directory',
      'SCHEMA_REGISTRY_URL is not an http(s) URL: registry:8081',
    ]);
  });

  it("reads the registry's credentials, and refuses clashing ones without repeating them", () => {
    const signedIn = parseCliArguments(
      [],
      { ...URL_ENV, SCHEMA_REGISTRY_USERNAME: 'ferry', SCHEMA_REGISTRY_PASSWORD: 's3cret-pw' },
      '/work',
    );
    expect(signedIn.ok && signedIn.settings.registryAccess.credentials.kind).toBe('basic');
    const clash = parseCliArguments(
      [],
      { ...URL_ENV, SCHEMA_REGISTRY_TOKEN: 's3cret-token', SCHEMA_REGISTRY_PASSWORD: 's3cret-pw' },
      '/work',
    );
    expect(!clash.ok && clash.error).toMatch(/^SCHEMA_REGISTRY_TOKEN and SCHEMA_REGISTRY_USERNAME/);
    expect(!clash.ok && clash.error).not.toMatch(/s3cret/);
  });
});
