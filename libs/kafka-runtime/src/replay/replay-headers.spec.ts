import { FerryHeaders } from '@ferry/contracts';
import { DeadLetterHeaders, ReplayHeaders, RetryHeaders } from '../headers';
import { parseDeadLetterRecord, type RecordHeaders } from '../dead-letter/dead-letter-record';
import { originalHeadersOf, replayHeaders } from './replay-headers';

const text = (headers: RecordHeaders) =>
  Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [name, values.map((v) => v.toString('utf8'))]),
  );
const one = (value: string) => [Buffer.from(value, 'utf8')];

const binary = Buffer.from([0xff, 0x00, 0xfe]);
const dead = parseDeadLetterRecord({
  topic: 'levels.dlq',
  partition: 0,
  offset: '3',
  timestamp: '0',
  key: Buffer.from('SKU-1@WH1'),
  value: Buffer.from([0, 1]),
  headers: {
    [FerryHeaders.eventId]: one('e-1'),
    [FerryHeaders.traceparent]: one('00-aaaa-bbbb-01'),
    'x-binary': [binary],
    'x-repeated': [Buffer.from('a'), Buffer.from('b')],
    [DeadLetterHeaders.originalTopic]: one('levels'),
    [DeadLetterHeaders.originalPartition]: one('4'),
    [DeadLetterHeaders.originalOffset]: one('120'),
    [DeadLetterHeaders.consumerGroup]: one('projector'),
    [DeadLetterHeaders.attempts]: one('5'),
    [DeadLetterHeaders.firstFailureAt]: one('2024-05-01T10:00:00.000Z'),
    [DeadLetterHeaders.failedAt]: one('2024-05-01T12:00:00.000Z'),
    [DeadLetterHeaders.errorClass]: one('LockTimeout'),
    [DeadLetterHeaders.errorMessage]: one('lock wait timeout'),
    [DeadLetterHeaders.errorKind]: one('transient'),
    [DeadLetterHeaders.fingerprint]: one('f00d'),
    // Left over from the retries before it was dead-lettered.
    [RetryHeaders.attempt]: one('5'),
    [RetryHeaders.consumerGroup]: one('projector'),
  },
});
const stamp = { replayId: 'r-1', replayedAt: Date.parse('2024-06-01T08:00:00.000Z') };
const original = {
  [FerryHeaders.eventId]: ['e-1'],
  [FerryHeaders.traceparent]: ['00-aaaa-bbbb-01'],
  'x-binary': [binary.toString('utf8')],
  'x-repeated': ['a', 'b'],
};

describe('originalHeadersOf', () => {
  it('drops the dead-letter and retry headers and keeps the rest byte for byte', () => {
    const headers = originalHeadersOf(dead.headers);
    expect(Object.keys(headers).sort()).toEqual(Object.keys(original).sort());
    expect(headers['x-binary']?.[0]?.equals(binary)).toBe(true);
  });
});

describe('replayHeaders', () => {
  it('to the original topic: original headers plus the replay id and time', () => {
    expect(text(replayHeaders(dead, 'original-topic', stamp))).toEqual({
      ...original,
      [ReplayHeaders.replayId]: ['r-1'],
      [ReplayHeaders.replayedAt]: ['2024-06-01T08:00:00.000Z'],
    });
  });

  it('retry-now: a first retry of the failed group, due at once, keeping its history', () => {
    expect(text(replayHeaders(dead, 'retry-now', stamp))).toEqual({
      ...original,
      [ReplayHeaders.replayId]: ['r-1'],
      [ReplayHeaders.replayedAt]: ['2024-06-01T08:00:00.000Z'],
      [RetryHeaders.consumerGroup]: ['projector'],
      [RetryHeaders.attempt]: ['1'],
      [RetryHeaders.dueAt]: ['2024-06-01T08:00:00.000Z'],
      [RetryHeaders.originalTopic]: ['levels'],
      [RetryHeaders.originalPartition]: ['4'],
      [RetryHeaders.originalOffset]: ['120'],
      [RetryHeaders.firstFailureAt]: ['2024-05-01T10:00:00.000Z'],
      [RetryHeaders.lastFailureAt]: ['2024-05-01T12:00:00.000Z'],
      [RetryHeaders.errorClass]: ['LockTimeout'],
      [RetryHeaders.errorMessage]: ['lock wait timeout'],
    });
  });

  it('replaces the id of an earlier replay of the same record', () => {
    const again = parseDeadLetterRecord({
      topic: 'levels.dlq',
      partition: 0,
      offset: '9',
      timestamp: '0',
      key: null,
      value: null,
      headers: { ...dead.headers, [ReplayHeaders.replayId]: one('r-0') },
    });
    expect(text(replayHeaders(again, 'original-topic', stamp))[ReplayHeaders.replayId]).toEqual([
      'r-1',
    ]);
  });

  it('leaves out retry headers it has no value for', () => {
    const sparse = parseDeadLetterRecord({
      topic: 'levels.dlq',
      partition: 0,
      offset: '1',
      timestamp: '0',
      key: null,
      value: null,
      headers: {
        [DeadLetterHeaders.originalTopic]: one('levels'),
        [DeadLetterHeaders.consumerGroup]: one('projector'),
      },
    });
    expect(Object.keys(replayHeaders(sparse, 'retry-now', stamp)).sort()).toEqual(
      [
        ReplayHeaders.replayId,
        ReplayHeaders.replayedAt,
        RetryHeaders.consumerGroup,
        RetryHeaders.attempt,
        RetryHeaders.dueAt,
        RetryHeaders.originalTopic,
      ].sort(),
    );
  });
});
