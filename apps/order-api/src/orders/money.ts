/**
 * Exact decimal money for order totals. Amounts travel as strings ("12.50") and are added and
 * multiplied as scaled integers (bigint), so no total ever goes through floating point.
 */
export const MONEY_SCALE = 2;

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

export function isMoney(text: string): boolean {
  return DECIMAL.test(text);
}

/** "12.5" → 1250n (cents at scale 2). The caller has checked `isMoney`. */
export function toMinorUnits(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(MONEY_SCALE) + BigInt(fraction.padEnd(MONEY_SCALE, '0'));
}

/** 1250n → "12.50" */
export function fromMinorUnits(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const magnitude = units < 0n ? -units : units;
  const scale = 10n ** BigInt(MONEY_SCALE);
  const fraction = (magnitude % scale).toString().padStart(MONEY_SCALE, '0');
  return `${sign}${(magnitude / scale).toString()}.${fraction}`;
}
