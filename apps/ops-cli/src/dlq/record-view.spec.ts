import { DeadLetterHeaders, frame, parseDeadLetterRecord } from '@ferry/kafka-runtime';
import { listingJson, listingLines, recordLine } from './record-view';

const one = (value: string) => [Buffer.from(value)];
const record = parseDeadLetterRecord({
  topic: 'levels.dlq',
  partition: 1,
  offset: '7',
  timestamp: String(Date.parse('2024-05-01T12:00:01.000Z')),
  key: Buffer.from('SKU-1@WH1'),
  value: frame(42, Buffer.from([1, 2, 3])),
  headers: {
    'ferry-event-id': one('e-1'),
    [DeadLetterHeaders.originalTopic]: one('levels'),
    [DeadLetterHeaders.originalPartition]: one('4'),
    [DeadLetterHeaders.originalOffset]: one('120'),
    [DeadLetterHeaders.consumerGroup]: one('projector'),
    [DeadLetterHeaders.attempts]: one('5'),
    [DeadLetterHeaders.failedAt]: one('2024-05-01T12:00:00.000Z'),
    [DeadLetterHeaders.errorClass]: one('LockTimeout'),
    [DeadLetterHeaders.errorKind]: one('transient'),
    [DeadLetterHeaders.errorMessage]: one('lock wait "timeout"'),
  },
});
const bare = parseDeadLetterRecord({
  topic: 'levels.dlq',
  partition: 0,
  offset: '0',
  timestamp: '0',
  key: null,
  value: Buffer.from('not avro'),
  headers: {},
});

describe('record view', () => {
  it('puts a record on one line: position, time, group, origin, error, key, value', () => {
    expect(recordLine(record)).toBe(
      '1:7  2024-05-01T12:00:00.000Z  group=projector  from=levels@4:120  error=LockTimeout/transient  attempts=5  key=SKU-1@WH1  event=e-1  value=schema#42(8B)  fingerprint=-  "lock wait \\"timeout\\""',
    );
  });

  it('shows missing context as "-" and a value that is not in the wire format as raw', () => {
    expect(recordLine(bare)).toBe(
      '0:0  -  group=-  from=-  error=-/-  attempts=-  key=-  event=-  value=raw(8B)  fingerprint=-  ""',
    );
  });

  it('heads the lines with how many matched and whether the limit cut them', () => {
    expect(listingLines('levels.dlq', { records: [record], scanned: 9, matched: 3 })[0]).toBe(
      'levels.dlq: 3 of 9 records match, showing the first 1',
    );
    expect(listingLines('levels.dlq', { records: [], scanned: 0, matched: 0 })).toEqual([
      'levels.dlq: 0 of 0 records match',
    ]);
  });

  it('gives machines text headers, a base64 value and ISO times', () => {
    const json = listingJson('levels.dlq', { records: [record], scanned: 1, matched: 1 });
    expect(json.records[0]).toMatchObject({
      partition: 1,
      offset: '7',
      key: 'SKU-1@WH1',
      value: frame(42, Buffer.from([1, 2, 3])).toString('base64'),
      headers: { 'ferry-event-id': ['e-1'] },
      context: { failedAt: '2024-05-01T12:00:00.000Z', firstFailureAt: null, attempts: 5 },
    });
  });
});
