import { CorruptEventError } from '../errors';
import { frame, unframe } from './wire-format';

describe('wire format', () => {
  it('round-trips the schema id and body', () => {
    const framed = frame(258, Buffer.from([1, 2, 3]));
    expect([...framed]).toEqual([0, 0, 0, 1, 2, 1, 2, 3]);
    expect(unframe(framed)).toEqual({ schemaId: 258, body: Buffer.from([1, 2, 3]) });
  });

  it.each([
    ['an empty value', Buffer.alloc(0), 'no value'],
    ['a tombstone', null, 'no value'],
    ['a short value', Buffer.from([0, 0, 1]), 'shorter than'],
    ['a wrong magic byte', Buffer.from('{"json":true}'), 'magic byte'],
  ])('rejects %s as permanent', (_name, bytes, message) => {
    let caught: unknown;
    try {
      unframe(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CorruptEventError);
    expect((caught as CorruptEventError).retriable).toBe(false);
    expect((caught as Error).message).toContain(message);
  });
});
