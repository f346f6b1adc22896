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
