/**
 * Exact decimal money for order totals. Amounts travel as strings ("12.50") and are added and
 * multiplied as scaled integers (bigint), so no total ever goes through floating point.
 */
export const MONEY_SCALE = 2;

/**
 * SalesOrderPlaced carries every amount as decimal(18,4): 18 digits of which 4 are fractional,
 * so 14 integer digits. A price, and every total computed from prices, must fit them.
 */
export const MONEY_INTEGER_DIGITS = 14;

/** The largest amount, in minor units: 99999999999999.99. */
export const MAX_MINOR_UNITS = 10n ** BigInt(MONEY_INTEGER_DIGITS + MONEY_SCALE) - 1n;

const DECIMAL = new RegExp(
  `^(0|[1-9]\\d{0,${MONEY_INTEGER_DIGITS - 1}})(\\.\\d{1,${MONEY_SCALE}})?$`,
);

export function isMoney(text: string): boolean {
  return DECIMAL.test(text);
}

/** Whether an amount (a computed total, say) fits the contract's decimal. */
export function fitsMoney(units: bigint): boolean {
  return units >= 0n && units <= MAX_MINOR_UNITS;
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
