import { FerryHeaders } from '@ferry/contracts';
import { DeadLetterHeaders } from '../headers';
import { deadLetterKeyText, parseDeadLetterRecord, type RawDeadLetter } from './dead-letter-record';

const bytes = (text: string) => [Buffer.from(text, 'utf8')];

const raw: RawDeadLetter = {
  topic: 'orders.dlq',
  partition: 2,
  offset: '41',
  timestamp: '1700000000123',
  key: Buffer.from('SKU-1@WH1'),
  value: Buffer.from([0, 0, 0, 0, 7, 1, 2]),
  headers: {
    [FerryHeaders.eventId]: bytes('00000000-0000-5000-8000-00000000000a'),
    [FerryHeaders.eventType]: bytes('InventoryLevelSet'),
    [DeadLetterHeaders.originalTopic]: bytes('orders'),
    [DeadLetterHeaders.originalPartition]: bytes('5'),
    [DeadLetterHeaders.originalOffset]: bytes('9007199254740993'),
    [DeadLetterHeaders.consumerGroup]: bytes('projector'),
    [DeadLetterHeaders.attempts]: bytes('3'),
    [DeadLetterHeaders.firstFailureAt]: bytes('2024-05-01T10:00:00.000Z'),
    [DeadLetterHeaders.failedAt]: bytes('2024-05-01T12:00:00.000Z'),
    [DeadLetterHeaders.errorClass]: bytes('UnknownSchemaError'),
    [DeadLetterHeaders.errorMessage]: bytes('schema 7 is unknown'),
    [DeadLetterHeaders.errorKind]: bytes('permanent'),
    [DeadLetterHeaders.fingerprint]: bytes('abc123'),
  },
};

describe('parseDeadLetterRecord', () => {
  it('reads the failure context from the dead-letter headers', () => {
    const record = parseDeadLetterRecord(raw);
    expect(record).toMatchObject({
      dlqTopic: 'orders.dlq',
      dlqPartition: 2,
      dlqOffset: '41',
      timestamp: 1_700_000_000_123,
    });
    expect(record.context).toEqual({
      originalTopic: 'orders',
      originalPartition: 5,
      originalOffset: '9007199254740993',
      consumerGroup: 'projector',
      attempts: 3,
      firstFailureAt: Date.parse('2024-05-01T10:00:00.000Z'),
      failedAt: Date.parse('2024-05-01T12:00:00.000Z'),
      errorClass: 'UnknownSchemaError',
      errorMessage: 'schema 7 is unknown',
      errorKind: 'permanent',
      fingerprint: 'abc123',
      eventId: '00000000-0000-5000-8000-00000000000a',
      eventType: 'InventoryLevelSet',
    });
  });

  it('keeps the key, value and every header byte for byte', () => {
    const record = parseDeadLetterRecord(raw);
    expect(record.key).toBe(raw.key);
    expect(record.value).toBe(raw.value);
    expect(record.headers).toBe(raw.headers);
    expect(deadLetterKeyText(record)).toBe('SKU-1@WH1');
  });

  it('leaves every context field undefined when the headers are missing', () => {
    const record = parseDeadLetterRecord({ ...raw, key: null, headers: {} });
    expect(Object.values(record.context).every((value) => value === undefined)).toBe(true);
    expect(deadLetterKeyText(record)).toBeUndefined();
  });

  it('treats unreadable numbers and times as missing rather than guessing', () => {
    const record = parseDeadLetterRecord({
      ...raw,
      headers: {
        [DeadLetterHeaders.originalPartition]: bytes('five'),
        [DeadLetterHeaders.originalOffset]: bytes('-1'),
        [DeadLetterHeaders.attempts]: bytes('2.5'),
        [DeadLetterHeaders.failedAt]: bytes('yesterday'),
        [DeadLetterHeaders.errorClass]: bytes(''),
      },
    });
    expect(record.context).toMatchObject({
      originalPartition: undefined,
      originalOffset: undefined,
      attempts: undefined,
      failedAt: undefined,
      errorClass: undefined,
    });
  });

  it('reads the first value of a repeated header', () => {
    const record = parseDeadLetterRecord({
      ...raw,
      headers: { [DeadLetterHeaders.consumerGroup]: [Buffer.from('a'), Buffer.from('b')] },
    });
    expect(record.context.consumerGroup).toBe('a');
  });
});
