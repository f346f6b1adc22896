import { deadLetterFilterToJson } from './dead-letter-filter';
import { parseDeadLetterRecord } from './dead-letter-record';
import { DeadLetterHeaders } from '../headers';
import {
  countByFingerprint,
  deadLetterFilterFromJson,
  oldestFailure,
  unresolvedDeadLetters,
  type RecordedReplay,
} from './unresolved';

const record = (partition: number, offset: number, fingerprint: string, timestamp: number) =>
  parseDeadLetterRecord({
    topic: 't.dlq',
    partition,
    offset: String(offset),
    timestamp: String(timestamp),
    key: null,
    value: null,
    headers: {
      [DeadLetterHeaders.fingerprint]: [Buffer.from(fingerprint)],
      [DeadLetterHeaders.failedAt]: [Buffer.from(new Date(timestamp - 500).toISOString())],
    },
  });

const replay = (fields: Partial<RecordedReplay>): RecordedReplay => ({
  dlqTopic: 't.dlq',
  filter: {},
  requestedAt: new Date(10_000),
  dryRun: false,
  matched: 3,
  replayed: 3,
  ...fields,
});

const positions = (records: ReturnType<typeof record>[]) =>
  records.map((r) => `${r.dlqPartition}:${r.dlqOffset}`);

describe('unresolvedDeadLetters', () => {
  const records = [record(1, 0, 'a', 3000), record(0, 1, 'b', 2000), record(0, 0, 'a', 1000)];

  it('leaves every record unresolved without replays', () => {
    expect(positions(unresolvedDeadLetters(records, []))).toEqual(['0:0', '0:1', '1:0']);
  });

  it('resolves what a finished replay matched', () => {
    const done = replay({ filter: { fingerprint: 'a' }, matched: 2, replayed: 2 });
    expect(positions(unresolvedDeadLetters(records, [done]))).toEqual(['0:1']);
  });

  it('resolves only the first records, in replay order, of a replay that stopped midway', () => {
    const stopped = replay({ matched: 3, replayed: 2 });
    expect(positions(unresolvedDeadLetters(records, [stopped]))).toEqual(['1:0']);
  });

  it('resolves nothing by a dry run', () => {
    expect(unresolvedDeadLetters(records, [replay({ dryRun: true })])).toHaveLength(3);
  });

  it('does not resolve a record dead-lettered after the replay was asked for', () => {
    const early = replay({ requestedAt: new Date(1500) });
    expect(positions(unresolvedDeadLetters(records, [early]))).toEqual(['0:1', '1:0']);
  });

  it('ignores replays of another dead-letter topic and filters it cannot read', () => {
    const other = replay({ dlqTopic: 'u.dlq' });
    const unreadable = replay({ filter: { somethingNew: 'x' } });
    expect(unresolvedDeadLetters(records, [other, unreadable])).toHaveLength(3);
  });
});

describe('deadLetterFilterFromJson', () => {
  it('reads back what the audit recorded', () => {
    const filter = {
      consumerGroup: 'g',
      fingerprint: 'f',
      failedFrom: Date.parse('2024-05-01T00:00:00.000Z'),
      position: { partition: 1, offset: '7' },
    };
    expect(deadLetterFilterFromJson(deadLetterFilterToJson(filter))).toMatchObject(filter);
  });
});

describe('countByFingerprint and oldestFailure', () => {
  it('count per fingerprint and find the earliest failure', () => {
    const records = [record(0, 0, 'a', 3000), record(0, 1, 'a', 2000), record(0, 2, 'b', 9000)];
    expect(Object.fromEntries(countByFingerprint(records))).toEqual({ a: 2, b: 1 });
    expect(oldestFailure(records)).toBe(1500);
  });
});
