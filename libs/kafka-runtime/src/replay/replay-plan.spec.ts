import { retryTopicOf } from '@ferry/contracts';
import { DeadLetterHeaders } from '../headers';
import { parseDeadLetterRecord } from '../dead-letter/dead-letter-record';
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
  [DeadLetterHeaders.retrySchedule]: '1000,2000',
});
const noGroup = deadLetter('2', { [DeadLetterHeaders.originalTopic]: 'levels' });
const noTopic = deadLetter('3', {});

describe('planReplay', () => {
  it('sends records back to their original topic', () => {
    const plan = planReplay([complete, noGroup], 'original-topic');
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((item) => item.destination)).toEqual(['levels', 'levels']);
  });

  it('sends records to the first retry tier of the schedule they failed under for retry-now', () => {
    const plan = planReplay([complete], 'retry-now');
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((item) => item.destination)).toEqual([retryTopicOf('levels', 1000)]);
    expect(plan.items.map((item) => item.destination)).toEqual(['levels.retry.1s']);
  });

  it('assumes no schedule: a record without one goes back to its topic only', () => {
    const unscheduled = deadLetter('4', {
      [DeadLetterHeaders.originalTopic]: 'levels',
      [DeadLetterHeaders.consumerGroup]: 'projector',
    });
    const noTiers = deadLetter('5', {
      [DeadLetterHeaders.originalTopic]: 'levels',
      [DeadLetterHeaders.consumerGroup]: 'projector',
      [DeadLetterHeaders.retrySchedule]: '',
    });
    expect(planReplay([unscheduled, noTiers], 'retry-now').problems).toEqual([
      '0:4 has no retry-schedule header (dead-lettered before Ferry recorded it): replay it to its original topic',
      '0:5 cannot go to a retry topic: no retry tiers',
    ]);
    expect(planReplay([unscheduled], 'original-topic').problems).toEqual([]);
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
