import { LocalInfraError } from '../errors';
import { registrySecuritySettings, type RegistrySecurity } from './registry-security';

export const REGISTRY_HOST = '127.0.0.1';

/** What Apicurio's SQL storage needs to reach Postgres through JDBC. */
export interface JdbcDatasource {
  readonly url: string;
  readonly username: string;
  /** Empty when the URL carries none (a trusting local server). */
  readonly password: string;
}

/**
 * The JDBC form of a `postgres://` URL as Ferry's services use it. `defaultUser` stands in for a
 * URL without one, as libpq and pg take the OS user; query parameters (sslmode) pass through.
 */
export function jdbcDatasource(postgresUrl: string, defaultUser: string): JdbcDatasource {
  const url = new URL(postgresUrl);
  if (url.host === '') {
    throw new LocalInfraError(
      `The registry reaches Postgres over TCP only; ${url.pathname} names no host`,
      'Give the Postgres URL a host and port (postgres://user@127.0.0.1:5432/…).',
    );
  }
  return {
    url: `jdbc:postgresql://${url.host}${url.pathname}${url.search}`,
    username: decodeURIComponent(url.username) || defaultUser,
    password: decodeURIComponent(url.password),
  };
}

/**
 * Apicurio Registry 3.0.x settings (names from its application.properties). With `security`, the
 * port serves TLS only and every API call needs the user's password.
 */
export function registrySettings(
  port: number,
  datasource: JdbcDatasource,
  security?: RegistrySecurity,
): ReadonlyArray<readonly [string, string]> {
  return [
    ['quarkus.http.host', REGISTRY_HOST],
    // Also in secure mode: a plain listener opened by mistake would then clash with the TLS one.
    ['quarkus.http.port', String(port)],
    ...(security === undefined ? [] : registrySecuritySettings(security, port)),
    // Apicurio 3 refuses deletes by default; tests and developers clean up their subjects.
    ['apicurio.rest.deletion.group.enabled', 'true'],
    ['apicurio.rest.deletion.artifact.enabled', 'true'],
    ['apicurio.rest.deletion.artifact-version.enabled', 'true'],
    // Every record on a topic names its writer schema by id: the ids must outlive the process,
    // so the state goes to Postgres instead of the default in-memory H2.
    ['apicurio.storage.kind', 'sql'],
    ['apicurio.storage.sql.kind', 'postgresql'],
    ['apicurio.datasource.url', datasource.url],
    ['apicurio.datasource.username', datasource.username],
    ...(datasource.password === ''
      ? []
      : [['apicurio.datasource.password', datasource.password] as const]),
    // The default pool holds 20 connections open (up to 100), a fifth of a stock server's limit.
    ['apicurio.datasource.jdbc.initial-size', '1'],
    ['apicurio.datasource.jdbc.min-size', '1'],
    ['apicurio.datasource.jdbc.max-size', '10'],
  ];
}

/**
 * A properties file for `-Dquarkus.config.locations`. Its ordinal (270) puts it above the
 * application.properties inside the jar (250) and below -D flags and environment variables.
 */
export function renderRegistryProperties(
  settings: ReadonlyArray<readonly [string, string]>,
): string {
  const lines = [['config_ordinal', '270'] as const, ...settings].map(
    ([key, value]) => `${key}=${propertiesValue(value)}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Escapes a value twice over: for java.util.Properties (backslashes, control and non-ASCII
 * characters, a leading space) and for SmallRye Config, which expands `${…}` and `$$` unless
 * the `$` reaches it as `\$`. A password is written as it is, whatever it contains.
 */
export function propertiesValue(value: string): string {
  let escaped = '';
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    const code = value.charCodeAt(index);
    if (char === '\\') escaped += '\\\\';
    else if (char === '$') escaped += '\\\\$';
    else if (char === ' ' && index === 0) escaped += '\\ ';
    else if (code < 0x20 || code > 0x7e) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += char;
  }
  return escaped;
}
