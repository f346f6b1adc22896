/**
 * Exact decimals as strings ("1234.5000"), carried by Avro's `decimal` logical type: the unscaled
 * value as big-endian two's-complement bytes. Money never passes through a float.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The unscaled integer of `text` at `scale`, or undefined if it is not a decimal that fits. */
export function parseDecimal(text: string, precision: number, scale: number): bigint | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > scale) return undefined;
  const digits = (whole + fraction.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > precision) return undefined;
  const unscaled = BigInt(digits);
  return sign === '-' ? -unscaled : unscaled;
}

export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Minimal big-endian two's-complement bytes of `value`. */
export function toTwosComplement(value: bigint): Buffer {
  let hex = (value < 0n ? -value : value).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (value >= 0n) return (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  // Negative: two's complement of the magnitude over enough bytes to keep the sign bit.
  const width = bytes.length + 1;
  const modulus = 1n << BigInt(width * 8);
  hex = (modulus + value).toString(16).padStart(width * 2, '0');
  bytes = Buffer.from(hex, 'hex');
  while (bytes.length > 1 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0x80) !== 0)
    bytes = bytes.subarray(1);
  return bytes;
}

export function fromTwosComplement(bytes: Buffer): bigint {
  if (bytes.length === 0) return 0n;
  const magnitude = BigInt(`0x${bytes.toString('hex')}`);
  return ((bytes[0] ?? 0) & 0x80) !== 0 ? magnitude - (1n << BigInt(bytes.length * 8)) : magnitude;
}
