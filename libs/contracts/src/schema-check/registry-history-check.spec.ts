import { rejectionOf } from './registry-history-check';

const accepted = { accepted: true, id: 7 } as const;
const compatible = { compatible: true, messages: [] };

describe('rejectionOf', () => {
  it('accepts the first version, which is registered without a check', () => {
    expect(rejectionOf(1, undefined, accepted)).toBeUndefined();
  });

  it('accepts a version the check and the registration accept', () => {
    expect(rejectionOf(2, compatible, accepted)).toBeUndefined();
  });

  it("rejects with the registry's message when registration is refused, whatever the check said", () => {
    const refused = {
      accepted: false,
      reason: 'incompatible',
      status: 409,
      message: 'Incompatible artifact: s [AVRO], list of diff types: [y at /fields/3]',
    } as const;
    expect(rejectionOf(3, compatible, refused)).toEqual({
      version: 3,
      message: 'Incompatible artifact: s [AVRO], list of diff types: [y at /fields/3]',
    });
    expect(
      rejectionOf(
        3,
        { compatible: false, messages: ['READER_FIELD_MISSING_DEFAULT_VALUE'] },
        refused,
      ),
    ).toEqual({
      version: 3,
      message:
        'Incompatible artifact: s [AVRO], list of diff types: [y at /fields/3] (READER_FIELD_MISSING_DEFAULT_VALUE)',
    });
  });

  it('rejects a version the check calls incompatible even if registration went through', () => {
    expect(rejectionOf(2, { compatible: false, messages: [] }, accepted)).toEqual({
      version: 2,
      message: 'the compatibility check said incompatible, yet registration was accepted',
    });
  });
});
