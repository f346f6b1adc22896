import { option } from '@ferry/config';

/** A secret is taken as given: spaces around a password are part of it. */
const asGiven = (raw: string): string => raw;

/**
 * Credentials and TLS for the schema registry, each secret from its variable or from the file
 * `<name>_FILE` names (a mounted Kubernetes Secret). Files of the password and token are re-read
 * when they change; TLS files are read at start.
 */
export const registryAccessOptions = {
  schemaRegistryUsername: option(
    'SCHEMA_REGISTRY_USERNAME',
    asGiven,
    '',
    'User for HTTP basic auth to the registry (with SCHEMA_REGISTRY_PASSWORD)',
  ),
  schemaRegistryPassword: option(
    'SCHEMA_REGISTRY_PASSWORD',
    asGiven,
    '',
    'Password for HTTP basic auth to the registry',
    { secret: true },
  ),
  schemaRegistryPasswordFile: option(
    'SCHEMA_REGISTRY_PASSWORD_FILE',
    asGiven,
    '',
    'File holding that password (re-read when it changes)',
  ),
  schemaRegistryToken: option(
    'SCHEMA_REGISTRY_TOKEN',
    asGiven,
    '',
    'Bearer token for the registry (instead of a user and password)',
    { secret: true },
  ),
  schemaRegistryTokenFile: option(
    'SCHEMA_REGISTRY_TOKEN_FILE',
    asGiven,
    '',
    'File holding that token, re-read when it changes (a projected service account token)',
  ),
  schemaRegistryTlsCa: option(
    'SCHEMA_REGISTRY_TLS_CA',
    asGiven,
    '',
    "PEM CA bundle trusted for the registry's certificate instead of the system's",
  ),
  schemaRegistryTlsCaFile: option(
    'SCHEMA_REGISTRY_TLS_CA_FILE',
    asGiven,
    '',
    'File holding that CA bundle',
  ),
  schemaRegistryTlsCert: option(
    'SCHEMA_REGISTRY_TLS_CERT',
    asGiven,
    '',
    'PEM client certificate (chain) for a registry that requires mutual TLS',
  ),
  schemaRegistryTlsCertFile: option(
    'SCHEMA_REGISTRY_TLS_CERT_FILE',
    asGiven,
    '',
    'File holding that client certificate',
  ),
  schemaRegistryTlsKey: option(
    'SCHEMA_REGISTRY_TLS_KEY',
    asGiven,
    '',
    'PEM private key of the client certificate',
    { secret: true },
  ),
  schemaRegistryTlsKeyFile: option(
    'SCHEMA_REGISTRY_TLS_KEY_FILE',
    asGiven,
    '',
    'File holding that private key',
  ),
};
