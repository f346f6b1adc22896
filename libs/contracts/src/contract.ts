import { FerryError } from '@ferry/failures';
import { resolve } from 'node:path';
import type { Type } from 'avsc';
import { describeAvroType } from './avro/avro-limits';
import { parseAvroSchema } from './avro/logical-types';
import { unstorableText } from './avro/storable-text';
import type { EventEnvelope } from './envelope';

/** Root of the Avro schemas (`schemas/` at the top of the repository). */
export const SCHEMAS_ROOT = resolve(__dirname, '..', '..', '..', 'schemas');

/**
 * A value that does not have the shape its contract promises, or holds text no event may carry
 * (see `textProblem`). `problems` name the fields the way request problems do:
 * `lines[0].lineTotal: "1000000000000000.0000" is not a decimal(18,4)`.
 */
export class ContractViolation extends FerryError {
  constructor(
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(`Not a valid ${eventType}: ${problems.join('; ')}`, 'permanent');
  }
}

/** One event type: its Avro schema (the source of truth) and a checked conversion from unknown. */
export interface EventContract<T extends EventEnvelope> {
  readonly eventType: string;
  /** The schema as parsed JSON, as registered in the schema registry. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly avroType: Type;
  /**
   * Returns `value` as T when it matches the schema and every string is storable text; throws
   * ContractViolation otherwise. Producers check with it before anything is sent, consumers after
   * decoding: an event that breaks it is nobody's to apply, whoever wrote it.
   */
  validate(value: unknown): T;
  /**
   * `validate` for a value Avro has just decoded with `avroType` (so of its shape already):
   * checks only what decoding cannot promise, storable text. Consumers call it once per event.
   */
  checkDecoded(value: unknown): T;
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
        errorHook: (path: string[], found: unknown, type: Type) => {
          problems.push(`${fieldPath(path)}: ${shapeProblem(found, type)}`);
        },
      });
      if (valid) problems.push(...unstorableText(avroType, value));
      if (problems.length > 0) throw new ContractViolation(eventType, problems);
      return value as T;
    },
    checkDecoded(value: unknown): T {
      const problems = unstorableText(avroType, value);
      if (problems.length > 0) throw new ContractViolation(eventType, problems);
      return value as T;
    },
  };
}

/** avsc's path (`['lines', '0', 'lineTotal']`) as `lines[0].lineTotal`. */
function fieldPath(path: readonly string[]): string {
  const text = path
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`))
    .join('');
  return text || '(root)';
}

function shapeProblem(found: unknown, type: Type): string {
  if (found === undefined) return `is required (a ${describeAvroType(type)})`;
  return `${preview(found)} is not a ${describeAvroType(type)}`;
}

/** JSON.stringify as it behaves: undefined for a function or a symbol, whatever TS declares. */
const stringify: (value: unknown) => string | undefined = JSON.stringify;

/** A value as a client would write it, cut short; never throws (a bigint, a circular object). */
function preview(value: unknown): string {
  let shown: string;
  try {
    shown = typeof value === 'bigint' ? `${value}n` : (stringify(value) ?? typeof value);
  } catch {
    shown = typeof value;
  }
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
