import { integer, option, url, type ConfigOf } from '@ferry/config';
import { registryAccessFrom, registryAccessOptions, type RegistryAccess } from '@ferry/contracts';

export const schemaRegistryOptions = {
  schemaRegistryUrl: option(
    'SCHEMA_REGISTRY_URL',
    url,
    'http://127.0.0.1:18081/apis/ccompat/v7',
    'Confluent-compatible schema registry (Apicurio: .../apis/ccompat/v7)',
  ),
  schemaRegistryTimeoutMs: option(
    'SCHEMA_REGISTRY_TIMEOUT_MS',
    integer({ min: 100 }),
    5000,
    'Longest wait for one answer of the schema registry',
  ),
  ...registryAccessOptions,
};

export type SchemaRegistrySettings = ConfigOf<typeof schemaRegistryOptions>;

/** Where the registry is, how long to wait for it, and how to sign in and check its certificate. */
export interface RegistryConnection {
  readonly schemaRegistryUrl: string;
  /** Bound on each registry request; default 5 s. */
  readonly schemaRegistryTimeoutMs?: number;
  /** Default: no credentials, the system's CAs. */
  readonly schemaRegistryAccess?: RegistryAccess;
}

/** The connection a service's settings describe; throws ConfigError for settings that clash. */
export function registryConnectionOf(settings: SchemaRegistrySettings): RegistryConnection {
  return {
    schemaRegistryUrl: settings.schemaRegistryUrl,
    schemaRegistryTimeoutMs: settings.schemaRegistryTimeoutMs,
    schemaRegistryAccess: registryAccessFrom(settings.schemaRegistryUrl, settings),
  };
}
