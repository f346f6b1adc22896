import type { Message, RecordMetadata } from '../external/kafka.interface';
import { unacknowledged } from './event-producer';

const message = (key: string): Message => ({ key, value: Buffer.from(key) });
const ack = (topicName: string, partition: number, errorCode = 0): RecordMetadata => ({
  topicName,
  partition,
  errorCode,
});

describe('unacknowledged', () => {
  const a = message('a');
  const b = message('b');
  const c = message('c');
  const d = message('d');
  const partitions = new Map<Message, number>([
    [a, 0],
    [b, 1],
    [c, 1],
    [d, 0],
  ]);
  const sent = [
    { topic: 'inventory', messages: [a, b, c] },
    { topic: 'inventory.dlq', messages: [d] },
  ];

  it('is empty when every partition of every topic was acknowledged', () => {
    const acks = [ack('inventory', 0), ack('inventory', 1), ack('inventory.dlq', 0)];
    expect(unacknowledged(sent, acks, (m) => partitions.get(m))).toEqual([]);
  });

  it('keeps the messages of a partition no broker acknowledged (its leader moved mid-send)', () => {
    const acks = [ack('inventory', 0), ack('inventory.dlq', 0)];
    expect(unacknowledged(sent, acks, (m) => partitions.get(m))).toEqual([
      { topic: 'inventory', messages: [b, c] },
    ]);
  });

  it('tells topics apart: partition 0 of one topic does not acknowledge partition 0 of another', () => {
    const acks = [ack('inventory', 0), ack('inventory', 1)];
    expect(unacknowledged(sent, acks, (m) => partitions.get(m))).toEqual([
      { topic: 'inventory.dlq', messages: [d] },
    ]);
  });

  it('takes an answer with an error code, or a message of unknown partition, as unacknowledged', () => {
    const acks = [ack('inventory', 0, 7), ack('inventory', 1), ack('inventory.dlq', 0)];
    expect(unacknowledged(sent, acks, (m) => (m === c ? undefined : partitions.get(m)))).toEqual([
      { topic: 'inventory', messages: [a, c] },
    ]);
  });
});
