import { formatDecimal, fromTwosComplement, parseDecimal, toTwosComplement } from './decimal';

describe('decimal text', () => {
  it('parses to the unscaled integer at the scale', () => {
    expect(parseDecimal('12.34', 18, 4)).toBe(123400n);
    expect(parseDecimal('-0.5', 18, 4)).toBe(-5000n);
    expect(parseDecimal('7', 18, 4)).toBe(70000n);
  });

  it('refuses more fraction digits than the scale, more digits than the precision, and non-numbers', () => {
    expect(parseDecimal('1.23456', 18, 4)).toBeUndefined();
    expect(parseDecimal('123456789012345.0', 18, 4)).toBeUndefined();
    expect(parseDecimal('1e3', 18, 4)).toBeUndefined();
    expect(parseDecimal('12,50', 18, 4)).toBeUndefined();
  });

  it('formats with exactly the scale', () => {
    expect(formatDecimal(123400n, 4)).toBe('12.3400');
    expect(formatDecimal(-5000n, 4)).toBe('-0.5000');
    expect(formatDecimal(7n, 0)).toBe('7');
  });
});

describe('two-complement bytes', () => {
  it.each([
    0n,
    1n,
    127n,
    128n,
    255n,
    256n,
    -1n,
    -128n,
    -129n,
    -256n,
    123456789012345678n,
    -123456789012345678n,
  ])('round-trips %s minimally', (value) => {
    const bytes = toTwosComplement(value);
    expect(fromTwosComplement(bytes)).toBe(value);
  });

  it('matches the Avro specification examples', () => {
    expect([...toTwosComplement(128n)]).toEqual([0x00, 0x80]);
    expect([...toTwosComplement(-1n)]).toEqual([0xff]);
    expect([...toTwosComplement(-129n)]).toEqual([0xff, 0x7f]);
  });
});
