import fc from 'fast-check';
import { JsonToken, type FuzzJson } from './json-text';

/*
 * The hostile values themselves, one arbitrary per kind. Each list holds the values at and just
 * past a limit that a contract (Avro int/long, decimal(18,4)), Postgres (text without NUL) or a
 * validator (100 characters, 2^53 - 1) draws, plus the usual suspects.
 */

const char = (code: number): string => String.fromCharCode(code);

export const nulCharacter = fc.constant('\u0000');

/** C0 controls but NUL, DEL and C1 controls. */
export const controlCharacter = fc
  .oneof(fc.integer({ min: 1, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map(char);

/** A high or low surrogate on its own, or a pair in the wrong order. */
export const loneSurrogate = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdbff }).map(char),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map(char),
  fc.constant('\udc00\ud800'),
);

export const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    '\u202e', // right-to-left override
    '\u200b', // zero-width space
    '\ufeff', // byte order mark
    'e\u0301', // decomposed é
    '\u{1f600}',
    '\u2028', // line separator
    'Ｓ', // full-width S
    '\u{1d7d8}', // mathematical double-struck zero
    'ǅ',
    '\u{10ffff}',
  ),
);

export const blankText = fc.constantFrom('', ' ', '   ', '\t', '\n', '\u00a0', '\u3000', '\u200b');

/** Lengths around the 100-character codes, the 255-character key, and far beyond. */
export const longText = fc
  .tuple(
    fc.constantFrom(99, 100, 101, 255, 256, 1000, 10_000, 100_000, 300_000),
    fc.constantFrom('A', 'é', '\u{1f600}'),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const token = (text: string) => new JsonToken(text);

export const intLimit: fc.Arbitrary<FuzzJson> = fc.constantFrom<FuzzJson>(
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  token('9007199254740992'),
  token('9007199254740993'),
  -Number.MAX_SAFE_INTEGER,
  token('-9007199254740993'),
  -1,
  0,
  token('-0'),
  1e15,
  1e16,
);

export const fraction: fc.Arbitrary<FuzzJson> = fc.constantFrom<FuzzJson>(
  0.5,
  1.5,
  0.1,
  -0.5,
  1e-7,
  token('5e-324'),
  token('1.0'),
  token('2.50'),
  42.000001,
  token('1E2'),
);

export const hugeNumberToken: fc.Arbitrary<FuzzJson> = fc
  .constantFrom(
    '1e400',
    '-1e400',
    `1${'0'.repeat(40)}`,
    `0.${'0'.repeat(400)}1`,
    '123456789012345678901234567890',
    '18446744073709551616',
  )
  .map(token);

export const nanIshText = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e3',
  '0x1F',
  ' 42',
  '42 ',
  'null',
  '١٢',
  '４２',
  '1_000',
  '+5',
  '',
);

const digits = (length: number, first: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((tail) => `${first}${tail.join('')}`.slice(0, Math.max(length, 1)));

/**
 * Decimal strings with 1 to 24 integer digits and 0 to 8 fraction digits (decimal(18,4) holds
 * 14 and 4; the money check allows 2 decimals), signed or not, and the forms that are not
 * decimals at all.
 */
export const decimalText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        whole: fc
          .integer({ min: 1, max: 24 })
          .chain((length) =>
            fc.integer({ min: 1, max: 9 }).chain((first) => digits(length, first)),
          ),
        fraction: fc
          .integer({ min: 0, max: 8 })
          .chain((length) =>
            length === 0 ? fc.constant('') : digits(length, 0).map((text) => `.${text}`),
          ),
        negative: fc.boolean(),
      })
      .map(({ whole, fraction: part, negative }) => `${negative ? '-' : ''}${whole}${part}`),
  },
  fc.constantFrom(
    '99999999999999.99',
    '999999999999999.99',
    '1.',
    '.5',
    '00.10',
    '1e3',
    '1,50',
    '١٢.٠٠',
    '-0.00',
  ),
);

/** A value of another JSON type than the field's. */
export function wrongTypeOf(original: FuzzJson): fc.Arbitrary<FuzzJson> {
  const others: FuzzJson[] = [null, true, false, [], {}, [original], { value: original }];
  if (typeof original === 'string') others.push(42, 0);
  if (typeof original === 'number') others.push(String(original), '');
  return fc.constantFrom(...others);
}

export const extraKey = fc.constantFrom(
  'extra',
  '__proto__',
  'constructor',
  'toString',
  '',
  ' sku',
  'k'.repeat(300),
  'ünïcødé',
  '\u0000',
);

export const extraValue = fc.constantFrom<FuzzJson>(1, 'x', null, {}, { polluted: true }, [1, 2]);

/** Idempotency-Key values an HTTP client can send (Node refuses CR, LF and other controls). */
export const hostileIdempotencyKey = fc.constantFrom<string | null>(
  null,
  '',
  ' ',
  'k'.repeat(255),
  'k'.repeat(256),
  'key with space',
  'tab\tkey',
  'clé',
  '\u00ff'.repeat(10),
);

/** Bytes that are not UTF-8: 0xFF, a stray continuation, overlong `/`, an encoded surrogate, past U+10FFFF. */
export const invalidUtf8 = fc.constantFrom<readonly number[]>(
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
);

export const wrongContentType = fc.constantFrom<string | null>(
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  null,
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=fuzz',
  'application/vnd.api+json',
);

/** Content types under which the body is not read as JSON at all (the webhook answers 415). */
export function isNonJsonContentType(contentType: string | null): boolean {
  return contentType === null || !/^application\/json\s*(;|$)/i.test(contentType);
}
