import { Type, types, type Schema } from 'avsc';
import { formatDecimal, fromTwosComplement, parseDecimal, toTwosComplement } from './decimal';

interface DecimalSchema {
  readonly precision?: unknown;
  readonly scale?: unknown;
}

/**
 * `bytes` + `decimal` ↔ decimal string with exactly `scale` fraction digits. A value with more
 * digits than `precision` (decimal(18,4) holds 14 integer digits) or more fraction digits than
 * `scale` is not valid: it is refused when written, never rounded or cut.
 */
export class DecimalType extends types.LogicalType {
  readonly precision: number;
  readonly scale: number;

  constructor(schema: Schema, opts?: object) {
    super(schema, opts);
    const { precision, scale } = schema as DecimalSchema;
    if (typeof precision !== 'number' || precision < 1)
      throw new Error('decimal needs a positive precision');
    this.precision = precision;
    this.scale = typeof scale === 'number' ? scale : 0;
  }

  /** A value with more digits than `precision` (another writer's bytes) is refused as read. */
  protected override _fromValue(value: unknown): string {
    const unscaled = fromTwosComplement(value as Buffer);
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
    if (digits > this.precision)
      throw new RangeError(`${digits} digits do not fit decimal(${this.precision},${this.scale})`);
    return formatDecimal(unscaled, this.scale);
  }

  protected override _toValue(value: unknown): Buffer | undefined {
    if (typeof value !== 'string') return undefined;
    const unscaled = parseDecimal(value, this.precision, this.scale);
    return unscaled === undefined ? undefined : toTwosComplement(unscaled);
  }

  protected override _resolve(type: Type): ((value: unknown) => unknown) | undefined {
    if (
      type instanceof DecimalType &&
      type.scale === this.scale &&
      type.precision <= this.precision
    ) {
      return (value) => value;
    }
    return undefined;
  }
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `int` + `date` (days since 1970-01-01) ↔ `YYYY-MM-DD`. */
class DateType extends types.LogicalType {
  protected override _fromValue(value: unknown): string {
    return new Date((value as number) * DAY_MS).toISOString().slice(0, 10);
  }

  protected override _toValue(value: unknown): number | undefined {
    if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) return undefined;
    return ms / DAY_MS;
  }

  protected override _resolve(type: Type): ((value: unknown) => unknown) | undefined {
    return type instanceof DateType ? (value) => value : undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `string` + `uuid`: only the 8-4-4-4-12 hex form is written or read. */
class UuidType extends types.LogicalType {
  protected override _fromValue(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value))
      throw new TypeError(`Not a UUID: ${JSON.stringify(value)}`);
    return value;
  }

  protected override _toValue(value: unknown): string | undefined {
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  }

  protected override _resolve(type: Type): ((value: unknown) => unknown) | undefined {
    if (type instanceof UuidType) return (value) => value;
    // A writer that declared a plain string: its values are checked as they are read.
    if (type.typeName === 'string') return (value) => this._fromValue(value);
    return undefined;
  }
}

/** Every Avro schema in Ferry is parsed with these logical types, writers and readers alike. */
export function parseAvroSchema(schema: unknown): Type {
  return Type.forSchema(schema as Schema, {
    logicalTypes: { decimal: DecimalType, date: DateType, uuid: UuidType },
  });
}
