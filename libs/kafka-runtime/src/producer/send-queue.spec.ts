import type { Message } from '../external/kafka.interface';
import { SendQueue } from './send-queue';

const messages = (...keys: string[]): Message[] => keys.map((key) => ({ key, value: key }));

/** A send whose requests the test answers one by one. */
function controlledSend() {
  const requests: { keys: string[]; answer: (error?: Error) => void }[] = [];
  const send = (batch: Message[]) =>
    new Promise<void>((resolve, reject) => {
      requests.push({
        keys: batch.map((m) => String(m.key)),
        answer: (error) => {
          if (error) reject(error);
          else resolve();
        },
      });
    });
  return { requests, send };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SendQueue', () => {
  it('sends at once when nothing is in flight, and coalesces what arrives meanwhile, in order', async () => {
    const { requests, send } = controlledSend();
    const queue = new SendQueue(send);
    const first = queue.send(messages('a'));
    expect(requests.map((r) => r.keys)).toEqual([['a']]);
    const second = queue.send(messages('b', 'c'));
    const third = queue.send(messages('d'));
    expect(requests).toHaveLength(1);
    requests[0]?.answer();
    await first;
    await settle();
    expect(requests[1]?.keys).toEqual(['b', 'c', 'd']);
    requests[1]?.answer();
    await Promise.all([second, third]);
  });

  it('fails every call a failed send carried, and goes on with the next ones', async () => {
    const { requests, send } = controlledSend();
    const queue = new SendQueue(send);
    const first = queue.send(messages('a'));
    const second = queue.send(messages('b'));
    const third = queue.send(messages('c'));
    requests[0]?.answer();
    await first;
    await settle();
    const fourth = queue.send(messages('d'));
    requests[1]?.answer(new Error('not acknowledged'));
    await expect(second).rejects.toThrow('not acknowledged');
    await expect(third).rejects.toThrow('not acknowledged');
    await settle();
    expect(requests[2]?.keys).toEqual(['d']);
    requests[2]?.answer();
    await fourth;
  });

  it('keeps a coalesced send within the message limit, never splitting a call', async () => {
    const { requests, send } = controlledSend();
    const queue = new SendQueue(send, 3);
    void queue.send(messages('a'));
    void queue.send(messages('b', 'c'));
    void queue.send(messages('d', 'e'));
    void queue.send(messages('f', 'g', 'h', 'i'));
    for (let i = 0; i < 4; i++) {
      requests[i]?.answer();
      await settle();
    }
    expect(requests.map((r) => r.keys)).toEqual([
      ['a'],
      ['b', 'c'],
      ['d', 'e'],
      ['f', 'g', 'h', 'i'],
    ]);
  });
});
