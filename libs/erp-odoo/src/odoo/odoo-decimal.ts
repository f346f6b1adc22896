import { FerryError } from '@ferry/failures';

/**
 * Exact decimals out of Odoo's JSON numbers, without float drift.
 *
 * Odoo keeps money in `numeric` columns rounded to the currency's decimal places, but its JSON
 * APIs send it as a float. We never do arithmetic on that float: ECMAScript's `String(number)`
 * yields the shortest decimal text that reads back as the same double, and for every amount Odoo
 * stored with at most 15 significant digits that text is exactly the stored decimal (10.1 gives
 * "10.1", not 10.0999999999999996447...). We parse that text as an integer with a decimal
 * exponent (BigInt), round it half away from zero to the currency's places (Odoo's own rounding
 * method), and format it at the schema's scale. A value computed in floats before Odoo rounded
 * it (0.1 + 0.2 prints as 0.30000000000000004) still lands on the right decimal, since the
 * rounding happens on its exact text. Values that are not finite numbers are refused.
 */

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
const MAX_SIGNIFICANT_DIGITS = 15;

/** Bad data, not a passing condition: trying again cannot help. */
export class DecimalConversionError extends FerryError {
  constructor(message: string) {
    super(message, 'permanent');
  }
}

interface ExactDecimal {
  /** value = mantissa × 10^exponent */
  readonly mantissa: bigint;
  readonly exponent: number;
}

function exactDecimalOf(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new DecimalConversionError(`${value} is not a finite amount`);
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) throw new DecimalConversionError(`${value} is not a decimal number`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const mantissa = BigInt(digits);
  return {
    mantissa: sign === '-' ? -mantissa : mantissa,
    exponent: Number(exponent) - fraction.length,
  };
}

/** `value` as an integer count of 10^-places, rounded half away from zero. */
export function unscaledAt(value: number, places: number): bigint {
  if (!Number.isInteger(places) || places < 0 || places > 18)
    throw new RangeError(`decimal places ${places} is not an integer between 0 and 18`);
  const { mantissa, exponent } = exactDecimalOf(value);
  const shift = exponent + places;
  if (shift >= 0) return mantissa * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const negative = mantissa < 0n;
  const magnitude = negative ? -mantissa : mantissa;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** Decimal text of `unscaled` × 10^-scale, with exactly `scale` fraction digits. */
export function formatUnscaled(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * An Odoo float amount as exact decimal text: rounded to `places` (the currency's decimal places,
 * or the price precision), then written with `scale` fraction digits (the Avro schema's scale).
 * Where `places` exceeds `scale`, the value is rounded to `scale` instead: the schema cannot
 * hold more.
 */
export function decimalFromOdoo(value: number, places: number, scale: number): string {
  const effective = Math.min(places, scale);
  const unscaled = unscaledAt(value, effective) * 10n ** BigInt(scale - effective);
  return formatUnscaled(unscaled === 0n ? 0n : unscaled, scale);
}

/** Negates decimal text ("12.50" → "-12.50", "0.00" stays). */
export function negateDecimal(text: string): string {
  if (/^-?0*(\.0*)?$/.test(text)) return text.replace(/^-/, '');
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Decimal text as the JSON number Odoo's float fields take on write. The nearest double of a
 * decimal with at most 15 significant digits prints back as the same decimal, and Odoo rounds it
 * to the field's precision on write, so nothing drifts on the way in either.
 */
export function odooNumberFromDecimal(text: string): number {
  if (!DECIMAL_TEXT.test(text)) throw new DecimalConversionError(`"${text}" is not a decimal`);
  const significant = text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS)
    throw new DecimalConversionError(`"${text}" has more than 15 significant digits`);
  return Number(text);
}
