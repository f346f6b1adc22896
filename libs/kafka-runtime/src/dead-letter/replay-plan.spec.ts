import { DefaultRetryDelaysMs, retryTopicOf } from '@ferry/contracts';
import { DeadLetterHeaders } from '../headers';
import { parseDeadLetterRecord } from './dead-letter-record';
import { planReplay } from './replay-plan';

function deadLetter(offset: string, headers: Record<string, string>) {
  return parseDeadLetterRecord({
    topic: 'levels.dlq',
    partition: 0,
    offset,
    timestamp: '0',
    key: null,
    value: null,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, [Buffer.from(value)]]),
    ),
  });
}

const complete = deadLetter('1', {
  [DeadLetterHeaders.originalTopic]: 'levels',
  [DeadLetterHeaders.consumerGroup]: 'projector',
});
const noGroup = deadLetter('2', { [DeadLetterHeaders.originalTopic]: 'levels' });
const noTopic = deadLetter('3', {});

describe('planReplay', () => {
  it('sends records back to their original topic', () => {
    const plan = planReplay([complete, noGroup], 'original-topic');
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((item) => item.destination)).toEqual(['levels', 'levels']);
  });

  it('sends records to the first retry tier of their original topic for retry-now', () => {
    const plan = planReplay([complete], 'retry-now');
    expect(plan.items.map((item) => item.destination)).toEqual([
      retryTopicOf('levels', DefaultRetryDelaysMs[0] ?? 0),
    ]);
  });

  it('names records lacking the headers their target needs', () => {
    expect(planReplay([noTopic], 'original-topic').problems).toEqual([
      '0:3 has no original-topic header',
    ]);
    expect(planReplay([complete, noGroup], 'retry-now').problems).toEqual([
      '0:2 has no consumer-group header',
    ]);
  });
});
