import { parseAvroSchema } from './logical-types';

const withUuid = parseAvroSchema({
  type: 'record',
  name: 'Probe',
  fields: [{ name: 'eventId', type: { type: 'string', logicalType: 'uuid' } }],
});
const withString = parseAvroSchema({
  type: 'record',
  name: 'Probe',
  fields: [{ name: 'eventId', type: 'string' }],
});

const id = '6fa459ea-ee8a-3ca4-894e-db77e160355e';

describe('the uuid logical type', () => {
  it('writes and reads a UUID, capitals included', () => {
    expect(withUuid.fromBuffer(withUuid.toBuffer({ eventId: id }))).toEqual({ eventId: id });
    const upper = id.toUpperCase();
    expect(withUuid.fromBuffer(withUuid.toBuffer({ eventId: upper }))).toEqual({ eventId: upper });
  });

  it('refuses to write anything else', () => {
    for (const eventId of ['evt-1', `${id},${id}`, '', `${id} `]) {
      expect(withUuid.isValid({ eventId })).toBe(false);
      expect(() => withUuid.toBuffer({ eventId })).toThrow();
    }
  });

  it('fails reading bytes that carry anything else', () => {
    const bytes = withString.toBuffer({ eventId: `${id},${id}` });
    expect((): unknown => withUuid.fromBuffer(bytes)).toThrow('Not a UUID');
  });

  it('checks the values of a writer that declared a plain string', () => {
    const resolver = withUuid.createResolver(withString);
    expect(withUuid.fromBuffer(withString.toBuffer({ eventId: id }), resolver)).toEqual({
      eventId: id,
    });
    expect((): unknown =>
      withUuid.fromBuffer(withString.toBuffer({ eventId: 'evt-1' }), resolver),
    ).toThrow('Not a UUID');
  });
});

describe('the decimal logical type', () => {
  const amount = (precision: number) =>
    parseAvroSchema({
      type: 'record',
      name: 'Probe',
      fields: [
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision, scale: 2 } },
      ],
    });
  const rawBytes = parseAvroSchema({
    type: 'record',
    name: 'Probe',
    fields: [{ name: 'amount', type: 'bytes' }],
  });

  it('reads what fits its precision', () => {
    const type = amount(6);
    expect(type.fromBuffer(type.toBuffer({ amount: '-9999.99' }))).toEqual({ amount: '-9999.99' });
  });

  it('fails reading bytes with more digits than its precision, as another writer could send', () => {
    // 0x0f4240 is 1,000,000: 10000.00 at scale 2, seven digits, one more than decimal(6,2) holds.
    const bytes = rawBytes.toBuffer({ amount: Buffer.from([0x0f, 0x42, 0x40]) });
    expect(amount(7).fromBuffer(bytes)).toEqual({ amount: '10000.00' });
    expect((): unknown => amount(6).fromBuffer(bytes)).toThrow('7 digits do not fit decimal(6,2)');
  });
});
