import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryAccess } from '@ferry/contracts';
import { issueLeafCertificate, securityDir } from '../security/local-ca';

/** The one user of a secured local registry; it may do everything (sr-admin). */
export const REGISTRY_USER = 'ferry';
/** Quarkus' default realm name, part of the digest of an embedded user's password. */
const QUARKUS_REALM = 'Quarkus';

/** What a registry started in secure mode serves with, and what its clients need. */
export interface RegistrySecurity {
  readonly username: string;
  /** Mode 0600; clients read it through SCHEMA_REGISTRY_PASSWORD_FILE. */
  readonly passwordFile: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * The certificate (from the Ferry home's CA, for 127.0.0.1 and localhost) and the password of the
 * local registry's secure mode, made once per Ferry home and kept under it. To rotate the
 * password, delete the file and start the registry again.
 */
export async function registrySecurity(home: string): Promise<RegistrySecurity> {
  const certificate = await issueLeafCertificate(home, 'registry');
  const passwordFile = join(securityDir(home), 'registry', 'password');
  if (!existsSync(passwordFile)) {
    mkdirSync(join(securityDir(home), 'registry'), { recursive: true, mode: 0o700 });
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  chmodSync(passwordFile, 0o600);
  return {
    username: REGISTRY_USER,
    passwordFile,
    caFile: certificate.caFile,
    certFile: certificate.certFile,
    keyFile: certificate.keyFile,
  };
}

/**
 * Apicurio 3.0.x settings for TLS only and HTTP basic auth against one embedded user. The
 * password is stored as Quarkus' digest (hex SHA-512 of user:realm:password), not as itself.
 * Apicurio checks credentials when `quarkus.http.auth.basic` is on and OIDC is off; the embedded
 * users come from the elytron properties-file extension that its build includes.
 */
export function registrySecuritySettings(
  security: RegistrySecurity,
  port: number,
): ReadonlyArray<readonly [string, string]> {
  const password = readFileSync(security.passwordFile, 'utf8');
  const digest = createHash('sha512')
    .update(`${security.username}:${QUARKUS_REALM}:${password}`, 'utf8')
    .digest('hex');
  return [
    ['quarkus.http.ssl-port', String(port)],
    ['quarkus.http.ssl.certificate.files', security.certFile],
    ['quarkus.http.ssl.certificate.key-files', security.keyFile],
    // Nothing is served in clear: the plain HTTP port is not even opened.
    ['quarkus.http.insecure-requests', 'disabled'],
    ['quarkus.oidc.tenant-enabled', 'false'],
    ['quarkus.http.auth.basic', 'true'],
    ['quarkus.security.users.embedded.enabled', 'true'],
    ['quarkus.security.users.embedded.plain-text', 'false'],
    ['quarkus.security.users.embedded.algorithm', 'digest-sha-512'],
    ['quarkus.security.users.embedded.realm-name', QUARKUS_REALM],
    [`quarkus.security.users.embedded.users.${security.username}`, digest],
    [`quarkus.security.users.embedded.roles.${security.username}`, 'sr-admin'],
  ];
}

/** The variables a Ferry service or tool needs to reach the secured local registry. */
export function registryClientEnvironment(security: RegistrySecurity): Record<string, string> {
  return {
    SCHEMA_REGISTRY_USERNAME: security.username,
    SCHEMA_REGISTRY_PASSWORD_FILE: security.passwordFile,
    SCHEMA_REGISTRY_TLS_CA_FILE: security.caFile,
  };
}

export function registryClientAccess(security: RegistrySecurity): RegistryAccess {
  return {
    credentials: {
      kind: 'basic',
      username: security.username,
      password: { env: 'SCHEMA_REGISTRY_PASSWORD', file: security.passwordFile },
    },
    tls: { ca: { env: 'SCHEMA_REGISTRY_TLS_CA', file: security.caFile } },
  };
}
