import {
  decimalFromOdoo,
  DecimalConversionError,
  negateDecimal,
  odooNumberFromDecimal,
  unscaledAt,
} from './odoo-decimal';

describe('decimalFromOdoo', () => {
  it.each([
    [10.1, 2, '10.1000'],
    [0.1 + 0.2, 2, '0.3000'],
    [1234567.89, 2, '1234567.8900'],
    [1.005, 2, '1.0100'],
    [2.675, 2, '2.6800'],
    [-2.675, 2, '-2.6800'],
    [-0, 2, '0.0000'],
    [5, 0, '5.0000'],
    [1e21, 2, '1000000000000000000000.0000'],
    [1e-7, 2, '0.0000'],
    [0.00005, 4, '0.0001'],
    [12.345678, 6, '12.3457'],
    [1000, 3, '1000.0000'],
    [0.1234567890123456, 2, '0.1200'],
    [1.1500000000000001, 2, '1.1500'],
  ])('turns %p at %p places into %p', (value, places, expected) => {
    expect(decimalFromOdoo(value, places, 4)).toBe(expected);
  });

  it('rounds half away from zero, as Odoo does, on the decimal Odoo stored', () => {
    // 1.005 is 1.00499999999999989... as a double; toFixed(2) says "1.00", Odoo stored 1.01.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(unscaledAt(1.005, 2)).toBe(101n);
  });

  it('refuses values it cannot read exactly', () => {
    expect(() => decimalFromOdoo(Number.NaN, 2, 4)).toThrow(DecimalConversionError);
    expect(() => decimalFromOdoo(Infinity, 2, 4)).toThrow(DecimalConversionError);
  });

  it('treats bad decimal places as a programming error', () => {
    expect(() => unscaledAt(1, -1)).toThrow(RangeError);
  });
});

describe('negateDecimal', () => {
  it.each([
    ['12.5000', '-12.5000'],
    ['-3.1000', '3.1000'],
    ['0.0000', '0.0000'],
  ])('negates %p', (text, expected) => {
    expect(negateDecimal(text)).toBe(expected);
  });
});

describe('odooNumberFromDecimal', () => {
  it('gives the double that prints back as the same decimal', () => {
    expect(odooNumberFromDecimal('19.9900')).toBe(19.99);
    expect(String(odooNumberFromDecimal('0.1000'))).toBe('0.1');
  });

  it('refuses text that is not an exact decimal of at most 15 digits', () => {
    expect(() => odooNumberFromDecimal('1e3')).toThrow(DecimalConversionError);
    expect(() => odooNumberFromDecimal('1234567890123.4567')).toThrow(DecimalConversionError);
  });
});
