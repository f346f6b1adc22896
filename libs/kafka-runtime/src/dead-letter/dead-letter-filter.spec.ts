import { DeadLetterHeaders } from '../headers';
import {
  deadLetterFilterProblems,
  deadLetterFilterToJson,
  isEmptyDeadLetterFilter,
  matchesDeadLetterFilter,
} from './dead-letter-filter';
import { parseDeadLetterRecord } from './dead-letter-record';

const failedAt = Date.parse('2024-05-01T12:00:00.000Z');

const record = parseDeadLetterRecord({
  topic: 'orders.dlq',
  partition: 1,
  offset: '17',
  timestamp: String(failedAt),
  key: Buffer.from('order-9'),
  value: Buffer.from('x'),
  headers: {
    [DeadLetterHeaders.originalTopic]: [Buffer.from('orders')],
    [DeadLetterHeaders.consumerGroup]: [Buffer.from('billing')],
    [DeadLetterHeaders.errorClass]: [Buffer.from('CorruptEventError')],
    [DeadLetterHeaders.errorKind]: [Buffer.from('permanent')],
    [DeadLetterHeaders.fingerprint]: [Buffer.from('f00d')],
    [DeadLetterHeaders.failedAt]: [Buffer.from(new Date(failedAt).toISOString())],
  },
});
const bare = parseDeadLetterRecord({
  topic: 'orders.dlq',
  partition: 0,
  offset: '0',
  timestamp: '0',
  key: null,
  value: null,
  headers: {},
});

describe('matchesDeadLetterFilter', () => {
  it('matches everything with an empty filter', () => {
    expect(matchesDeadLetterFilter(record, {})).toBe(true);
    expect(matchesDeadLetterFilter(bare, {})).toBe(true);
    expect(isEmptyDeadLetterFilter({})).toBe(true);
    expect(isEmptyDeadLetterFilter({ key: undefined })).toBe(true);
  });

  it('requires every condition given to hold', () => {
    const all = {
      consumerGroup: 'billing',
      originalTopic: 'orders',
      errorClass: 'CorruptEventError',
      errorKind: 'permanent',
      fingerprint: 'f00d',
      key: 'order-9',
    };
    expect(matchesDeadLetterFilter(record, all)).toBe(true);
    for (const name of Object.keys(all)) {
      expect(matchesDeadLetterFilter(record, { ...all, [name]: 'something else' })).toBe(false);
    }
  });

  it('selects by failedAt: from inclusive, before exclusive', () => {
    expect(matchesDeadLetterFilter(record, { failedFrom: failedAt })).toBe(true);
    expect(matchesDeadLetterFilter(record, { failedFrom: failedAt + 1 })).toBe(false);
    expect(matchesDeadLetterFilter(record, { failedBefore: failedAt })).toBe(false);
    expect(matchesDeadLetterFilter(record, { failedBefore: failedAt + 1 })).toBe(true);
  });

  it('does not match a record without the header a condition reads', () => {
    expect(matchesDeadLetterFilter(bare, { consumerGroup: 'billing' })).toBe(false);
    expect(matchesDeadLetterFilter(bare, { failedFrom: 0 })).toBe(false);
  });

  it('selects exactly one record by DLQ partition and offset', () => {
    expect(matchesDeadLetterFilter(record, { position: { partition: 1, offset: '17' } })).toBe(
      true,
    );
    expect(matchesDeadLetterFilter(record, { position: { partition: 0, offset: '17' } })).toBe(
      false,
    );
    expect(matchesDeadLetterFilter(record, { position: { partition: 1, offset: '16' } })).toBe(
      false,
    );
  });
});

describe('deadLetterFilterProblems', () => {
  it('accepts a sound filter', () => {
    expect(
      deadLetterFilterProblems({
        position: { partition: 0, offset: '3' },
        failedFrom: 1,
        failedBefore: 2,
      }),
    ).toEqual([]);
  });

  it('names a bad position and an empty time range', () => {
    expect(
      deadLetterFilterProblems({
        position: { partition: -1, offset: 'x' },
        failedFrom: 5,
        failedBefore: 5,
      }),
    ).toHaveLength(3);
    expect(deadLetterFilterProblems({ failedFrom: Number.NaN })).toEqual([
      'failedFrom is not a time',
    ]);
  });
});

describe('deadLetterFilterToJson', () => {
  it('keeps the conditions given, instants as ISO-8601', () => {
    expect(
      deadLetterFilterToJson({
        consumerGroup: 'billing',
        key: undefined,
        failedFrom: failedAt,
        position: { partition: 1, offset: '17' },
      }),
    ).toEqual({
      consumerGroup: 'billing',
      failedFrom: '2024-05-01T12:00:00.000Z',
      position: { partition: 1, offset: '17' },
    });
  });
});
