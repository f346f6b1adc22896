import { ConfigError, readSecret, secretSource, type SecretSource } from '@ferry/config';

/** How Ferry proves who it is to the schema registry. */
export type RegistryCredentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly username: string; readonly password: SecretSource }
  | { readonly kind: 'bearer'; readonly token: SecretSource };

/** PEM material for an https registry; the server's name is always checked against its cert. */
export interface RegistryTls {
  /** Trusted instead of the system's CAs (a private CA). */
  readonly ca?: SecretSource;
  /** A client certificate and its key, for a registry that requires mutual TLS. */
  readonly cert?: SecretSource;
  readonly key?: SecretSource;
}

export interface RegistryAccess {
  readonly credentials: RegistryCredentials;
  readonly tls: RegistryTls;
}

export const OPEN_REGISTRY: RegistryAccess = { credentials: { kind: 'none' }, tls: {} };

/** The variables of registryAccessOptions, as read (empty when unset). */
export interface RegistryAccessSettings {
  readonly schemaRegistryUsername: string;
  readonly schemaRegistryPassword: string;
  readonly schemaRegistryPasswordFile: string;
  readonly schemaRegistryToken: string;
  readonly schemaRegistryTokenFile: string;
  readonly schemaRegistryTlsCa: string;
  readonly schemaRegistryTlsCaFile: string;
  readonly schemaRegistryTlsCert: string;
  readonly schemaRegistryTlsCertFile: string;
  readonly schemaRegistryTlsKey: string;
  readonly schemaRegistryTlsKeyFile: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function credentialsOf(settings: RegistryAccessSettings): RegistryCredentials {
  const s = settings;
  const password = secretSource(
    'SCHEMA_REGISTRY_PASSWORD',
    s.schemaRegistryPassword,
    s.schemaRegistryPasswordFile,
  );
  const token = secretSource(
    'SCHEMA_REGISTRY_TOKEN',
    s.schemaRegistryToken,
    s.schemaRegistryTokenFile,
  );
  const username = s.schemaRegistryUsername;
  if (token !== undefined && (username !== '' || password !== undefined))
    throw new ConfigError([
      'SCHEMA_REGISTRY_TOKEN and SCHEMA_REGISTRY_USERNAME/PASSWORD: give one way to sign in',
    ]);
  if (token !== undefined) return { kind: 'bearer', token };
  if (username === '' && password === undefined) return { kind: 'none' };
  if (username === '' || password === undefined)
    throw new ConfigError([
      'SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD (or _FILE) go together',
    ]);
  return { kind: 'basic', username, password };
}

function tlsOf(settings: RegistryAccessSettings): RegistryTls {
  const s = settings;
  const ca = secretSource(
    'SCHEMA_REGISTRY_TLS_CA',
    s.schemaRegistryTlsCa,
    s.schemaRegistryTlsCaFile,
  );
  const cert = secretSource(
    'SCHEMA_REGISTRY_TLS_CERT',
    s.schemaRegistryTlsCert,
    s.schemaRegistryTlsCertFile,
  );
  const key = secretSource(
    'SCHEMA_REGISTRY_TLS_KEY',
    s.schemaRegistryTlsKey,
    s.schemaRegistryTlsKeyFile,
  );
  if ((cert === undefined) !== (key === undefined))
    throw new ConfigError([
      'SCHEMA_REGISTRY_TLS_CERT and SCHEMA_REGISTRY_TLS_KEY (or _FILE) go together',
    ]);
  return { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}

/**
 * The credentials and TLS material for the registry at `url`, checked together: a secret is never
 * sent in clear to another machine, TLS material is never silently unused, and every file is read
 * once now so that a missing mount stops the service at start rather than at its first event.
 */
export function registryAccessFrom(url: string, settings: RegistryAccessSettings): RegistryAccess {
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '')
    throw new ConfigError([
      'SCHEMA_REGISTRY_URL carries a user or password: give them as SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD (or _FILE)',
    ]);
  const access: RegistryAccess = { credentials: credentialsOf(settings), tls: tlsOf(settings) };
  const tlsGiven = Object.keys(access.tls).length > 0;
  if (parsed.protocol !== 'https:') {
    if (tlsGiven)
      throw new ConfigError(['SCHEMA_REGISTRY_TLS_* are set but SCHEMA_REGISTRY_URL is not https']);
    if (access.credentials.kind !== 'none' && !LOOPBACK_HOSTS.has(parsed.hostname))
      throw new ConfigError([
        `registry credentials are set but SCHEMA_REGISTRY_URL is plain http to ${parsed.host}: use https`,
      ]);
  }
  for (const source of secretSourcesOf(access)) readSecret(source);
  return access;
}

function secretSourcesOf({ credentials, tls }: RegistryAccess): SecretSource[] {
  const sign =
    credentials.kind === 'basic'
      ? [credentials.password]
      : credentials.kind === 'bearer'
        ? [credentials.token]
        : [];
  return [...sign, ...[tls.ca, tls.cert, tls.key].filter((s) => s !== undefined)];
}
