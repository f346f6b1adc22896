import { rmSync } from 'node:fs';
import { readJsonFile, writeJsonFileAtomically } from './json-file';

/** What services and tests need to reach the infrastructure; written by `up`. */
export interface Endpoints {
  readonly kafkaBrokers: string[];
  /** A Confluent-compatible base URL (Apicurio's `/apis/ccompat/v7` when Ferry runs it). */
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
}

export function parseEndpoints(text: string): Endpoints | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kafkaBrokers, schemaRegistryUrl, databaseUrl } = value as Record<string, unknown>;
  if (
    !Array.isArray(kafkaBrokers) ||
    !kafkaBrokers.every((item): item is string => typeof item === 'string')
  )
    return undefined;
  if (typeof schemaRegistryUrl !== 'string' || typeof databaseUrl !== 'string') return undefined;
  return { kafkaBrokers, schemaRegistryUrl, databaseUrl };
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
