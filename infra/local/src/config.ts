import { join, resolve } from 'node:path';
import { commaList, integer, option, readConfig, text, url } from '@ferry/config';
import type { ConfigOf } from '@ferry/config';
import { repoRoot } from './paths';

const port = integer({ min: 1024, max: 65535 });
const absolutePath = (raw: string): string => resolve(raw.trim());

function identifier(raw: string): string {
  const name = raw.trim();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new RangeError('must be a lower-case SQL identifier (letters, digits, underscores)');
  return name;
}

/**
 * Everything the local infrastructure reads from the environment. An empty external endpoint
 * (KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_URL) means "Ferry runs that part itself".
 */
export const localInfraOptions = {
  home: option(
    'FERRY_HOME',
    absolutePath,
    join(repoRoot, '.ferry'),
    'Downloads, data, logs and pid files',
  ),
  kafkaBrokers: option(
    'KAFKA_BROKERS',
    commaList,
    [],
    'External Kafka bootstrap servers; Ferry then starts no Kafka',
  ),
  schemaRegistryUrl: option(
    'SCHEMA_REGISTRY_URL',
    url,
    '',
    'External Confluent-compatible registry; Ferry then starts none',
  ),
  databaseUrl: option('DATABASE_URL', text, '', 'External Postgres; Ferry then uses it as is'),
  kafkaPort: option(
    'FERRY_KAFKA_PORT',
    integer({ min: 1024, max: 65530 }),
    19092,
    'First Kafka listener port (node n: +2(n-1), controller: +1)',
  ),
  registryPort: option('FERRY_REGISTRY_PORT', port, 18081, 'Apicurio Registry HTTP port'),
  embeddedPgPort: option('FERRY_PG_PORT', port, 15432, 'Embedded Postgres port'),
  localPgUrl: option(
    'FERRY_LOCAL_PG_URL',
    url,
    'postgres://postgres@127.0.0.1:5432/postgres',
    'Machine Postgres tried before the embedded one',
  ),
  registryDatabase: option(
    'FERRY_REGISTRY_DATABASE',
    identifier,
    'ferry_registry',
    "Database of the registry's state, beside Ferry's on the same Postgres server",
  ),
  // 3.3.x needs Java 21; the machines have Java 17, so the last 3.0.x line is pinned.
  apicurioVersion: option(
    'FERRY_APICURIO_VERSION',
    text,
    '3.0.9',
    'Apicurio Registry version (io.apicurio:apicurio-registry-app)',
  ),
  javaHome: option('JAVA_HOME', text, '', 'Java installation; `java` from PATH when empty'),
  startTimeoutSeconds: option(
    'FERRY_START_TIMEOUT_S',
    integer({ min: 5 }),
    120,
    'How long each part may take to become ready',
  ),
};

export type LocalInfraConfig = ConfigOf<typeof localInfraOptions>;

export function readLocalInfraConfig(env: NodeJS.ProcessEnv = process.env): LocalInfraConfig {
  return readConfig(localInfraOptions, env);
}

/** FERRY_HOME, or `<repo root>/.ferry`. */
export function ferryHome(env: NodeJS.ProcessEnv = process.env): string {
  return readLocalInfraConfig(env).home;
}

/** Name of the database Ferry uses on a Postgres server it picks or starts. */
export const FERRY_DATABASE = 'ferry';
