import {
  decideUnknownSchema,
  UNKNOWN_SCHEMA_RETRY_MS,
  UnknownSchemaIds,
} from './unknown-schema-hold';

const HOLD_MS = 60_000;

describe('decideUnknownSchema', () => {
  it('holds a newly unknown id and asks again soon', () => {
    expect(decideUnknownSchema(1_000, 1_000, HOLD_MS)).toEqual({
      action: 'hold',
      retryAt: 1_000 + UNKNOWN_SCHEMA_RETRY_MS,
      unknownSinceMs: 0,
    });
  });

  it('never waits past the end of the hold', () => {
    expect(decideUnknownSchema(1_000, 59_000, HOLD_MS)).toMatchObject({
      action: 'hold',
      retryAt: 61_000,
    });
  });

  it('dead-letters once the id stayed unknown for the hold time', () => {
    expect(decideUnknownSchema(1_000, 61_000, HOLD_MS)).toEqual({
      action: 'dead-letter',
      unknownForMs: 60_000,
    });
  });

  it('dead-letters at once with a hold time of zero', () => {
    expect(decideUnknownSchema(1_000, 1_000, 0).action).toBe('dead-letter');
  });
});

describe('UnknownSchemaIds', () => {
  it('remembers when an id was first met until it resolves', () => {
    const ids = new UnknownSchemaIds();
    expect(ids.firstSeenAt(7, 100)).toBe(100);
    expect(ids.firstSeenAt(7, 900)).toBe(100);
    expect(ids.count()).toBe(1);
    ids.resolved(7);
    expect(ids.any()).toBe(false);
    expect(ids.firstSeenAt(7, 2_000)).toBe(2_000);
  });
});
