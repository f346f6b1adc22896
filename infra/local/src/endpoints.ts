import { rmSync } from 'node:fs';
import { readJsonFile, writeJsonFileAtomically } from './json-file';
import type { KafkaSecurityEndpoints } from './kafka/kafka-service';

/** What services and tests need to reach the infrastructure; written by `up`. */
export interface Endpoints {
  readonly kafkaBrokers: string[];
  /** A Confluent-compatible base URL (Apicurio's `/apis/ccompat/v7` when Ferry runs it). */
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
  /** Present when Kafka was started `--secure`: `kafkaBrokers` is then its SASL_SSL listener. */
  readonly kafkaSecurity?: KafkaSecurityEndpoints;
  /** Present when the registry was started `--secure`: its credentials and CA, as client variables. */
  readonly registryClientEnv?: Readonly<Record<string, string>>;
}

export function parseEndpoints(text: string): Endpoints | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kafkaBrokers, schemaRegistryUrl, databaseUrl, kafkaSecurity, registryClientEnv } =
    value as Record<string, unknown>;
  if (
    !Array.isArray(kafkaBrokers) ||
    !kafkaBrokers.every((item): item is string => typeof item === 'string')
  )
    return undefined;
  if (typeof schemaRegistryUrl !== 'string' || typeof databaseUrl !== 'string') return undefined;
  const security = parseKafkaSecurity(kafkaSecurity);
  const registryEnv = parseStringRecord(registryClientEnv);
  if (security === null || registryEnv === null) return undefined;
  return {
    kafkaBrokers,
    schemaRegistryUrl,
    databaseUrl,
    ...(security === undefined ? {} : { kafkaSecurity: security }),
    ...(registryEnv === undefined ? {} : { registryClientEnv: registryEnv }),
  };
}

/** `undefined` when absent, `null` when present but not an object of strings. */
function parseStringRecord(value: unknown): Record<string, string> | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const entries = Object.entries(value);
  return entries.every(([, item]) => typeof item === 'string') ? Object.fromEntries(entries) : null;
}

/** `undefined` when absent, `null` when present but malformed. */
function parseKafkaSecurity(value: unknown): KafkaSecurityEndpoints | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const { mtlsBrokers, caFile, credentialsFolder, certificatesFolder, adminPrincipal } =
    value as Record<string, unknown>;
  if (!Array.isArray(mtlsBrokers) || !mtlsBrokers.every((item) => typeof item === 'string'))
    return null;
  if (
    typeof caFile !== 'string' ||
    typeof credentialsFolder !== 'string' ||
    typeof certificatesFolder !== 'string' ||
    typeof adminPrincipal !== 'string'
  )
    return null;
  return { mtlsBrokers, caFile, credentialsFolder, certificatesFolder, adminPrincipal };
}

export function readEndpointsFile(file: string): Endpoints | undefined {
  return readJsonFile(file, parseEndpoints);
}

export function writeEndpointsFile(file: string, endpoints: Endpoints): void {
  writeJsonFileAtomically(file, endpoints);
}

export function removeEndpointsFile(file: string): void {
  rmSync(file, { force: true });
}
