import {
  isTransientStatus,
  readCompatibilityLevel,
  readCompatibilityMessages,
  readErrorMessage,
  readIsCompatible,
  readNumbers,
  readSchemaId,
} from './registry-answers';

describe('registry answers', () => {
  it('reads the compatibility verdict, with and without reasons', () => {
    expect(readIsCompatible({ is_compatible: false })).toBe(false);
    expect(readCompatibilityMessages({ is_compatible: false })).toEqual([]);
    expect(
      readCompatibilityMessages({ is_compatible: false, messages: ['READER_FIELD_MISSING'] }),
    ).toEqual(['READER_FIELD_MISSING']);
    expect(readIsCompatible({ compatible: true })).toBeUndefined();
  });

  it('reads ids, levels and version lists', () => {
    expect(readSchemaId({ id: 14 })).toBe(14);
    expect(readCompatibilityLevel({ compatibilityLevel: 'FULL_TRANSITIVE' })).toBe(
      'FULL_TRANSITIVE',
    );
    expect(readNumbers([1, 2])).toEqual([1, 2]);
    expect(readNumbers(['1'])).toBeUndefined();
  });

  it("drops the Java exception class from Apicurio's rule violation message", () => {
    const body = {
      message:
        'io.apicurio.registry.rules.RuleViolationException: Incompatible artifact: s [AVRO], num of incompatible diffs: {1}, list of diff types: [y at /fields/3]',
      error_code: 409,
    };
    expect(readErrorMessage(body)).toBe(
      'Incompatible artifact: s [AVRO], num of incompatible diffs: {1}, list of diff types: [y at /fields/3]',
    );
    expect(readErrorMessage('Bad Gateway')).toBe('Bad Gateway');
  });

  it('treats server errors, timeouts and throttling as transient, client errors as not', () => {
    expect([500, 503, 408, 429].map(isTransientStatus)).toEqual([true, true, true, true]);
    expect([400, 401, 404, 409, 422].map(isTransientStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
