import { resolve } from 'node:path';
import type { Type } from 'avsc';
import { parseAvroSchema } from './avro/logical-types';
import type { EventEnvelope } from './envelope';

/** Root of the Avro schemas (`schemas/` at the top of the repository). */
export const SCHEMAS_ROOT = resolve(__dirname, '..', '..', '..', 'schemas');

/** A decoded value that does not have the shape its contract promises. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  readonly retriable = false;
  constructor(
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(`Not a valid ${eventType}: ${problems.join('; ')}`);
  }
}

/** One event type: its Avro schema (the source of truth) and a checked conversion from unknown. */
export interface EventContract<T extends EventEnvelope> {
  readonly eventType: string;
  /** The schema as parsed JSON, as registered in the schema registry. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly avroType: Type;
  /** Returns `value` as T when it matches the schema; throws ContractViolation otherwise. */
  validate(value: unknown): T;
}

/** Builds the contract of one schema version (the generated code calls this). */
export function defineContract<T extends EventEnvelope>(
  schemaDefinition: object,
): EventContract<T> {
  const schema = schemaDefinition as Readonly<Record<string, unknown>>;
  const avroType = parseAvroSchema(schema);
  const eventType = String(schema['name']);
  return {
    eventType,
    schema,
    avroType,
    validate(value: unknown): T {
      const problems: string[] = [];
      const valid = avroType.isValid(value, {
        errorHook: (path: string[], found: unknown) => {
          problems.push(`${path.join('.') || '(root)'}: unexpected ${JSON.stringify(found)}`);
        },
      });
      if (!valid) throw new ContractViolation(eventType, problems);
      return value as T;
    },
  };
}
