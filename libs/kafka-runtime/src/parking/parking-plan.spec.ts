import { headStateAfter, lockOrder, planParking, type ParkedKey } from './parking-plan';

const event = (key: string, eventId: string) => ({ key, eventId });
const retrying = (headEventId: string): ParkedKey => ({ state: 'retrying', headEventId });

describe('planParking', () => {
  it('applies every event when no key is parked', () => {
    const events = [event('a', '1'), event('b', '2'), event('a', '3')];
    expect(planParking(events, new Map())).toEqual({ apply: events, park: [], headKeys: [] });
  });

  it('parks the events of a parked key and keeps the other keys flowing, in slice order', () => {
    const events = [event('a', '2'), event('b', '5'), event('a', '3'), event('b', '6')];
    const plan = planParking(events, new Map([['a', retrying('1')]]));
    expect(plan.apply).toEqual([event('b', '5'), event('b', '6')]);
    expect(plan.park).toEqual([event('a', '2'), event('a', '3')]);
    expect(plan.headKeys).toEqual([]);
  });

  it('applies the head coming back and parks what follows it in the slice', () => {
    const events = [event('a', '1'), event('a', '2')];
    const plan = planParking(events, new Map([['a', retrying('1')]]));
    expect(plan.apply).toEqual([event('a', '1')]);
    expect(plan.park).toEqual([event('a', '2')]);
    expect(plan.headKeys).toEqual(['a']);
  });

  it('applies a dead-lettered head replayed to the main topic', () => {
    const plan = planParking(
      [event('a', '1')],
      new Map<string, ParkedKey>([['a', { state: 'dead-lettered', headEventId: '1' }]]),
    );
    expect(plan.apply).toEqual([event('a', '1')]);
    expect(plan.headKeys).toEqual(['a']);
  });

  it('parks everything of a key that is releasing, even an event with the old head id', () => {
    const plan = planParking(
      [event('a', '1'), event('a', '7')],
      new Map<string, ParkedKey>([['a', { state: 'releasing', headEventId: undefined }]]),
    );
    expect(plan.apply).toEqual([]);
    expect(plan.park).toEqual([event('a', '1'), event('a', '7')]);
  });

  it('parks the event a releasing key still names as its head: the parked ones go first', () => {
    const plan = planParking(
      [event('a', '1'), event('b', '2')],
      new Map<string, ParkedKey>([['a', { state: 'releasing', headEventId: '1' }]]),
    );
    expect(plan).toEqual({ apply: [event('b', '2')], park: [event('a', '1')], headKeys: [] });
  });

  it('applies a head delivered twice in one slice only once and parks the copy', () => {
    const plan = planParking([event('a', '1'), event('a', '1')], new Map([['a', retrying('1')]]));
    expect(plan.apply).toEqual([event('a', '1')]);
    expect(plan.park).toEqual([event('a', '1')]);
  });
});

describe('headStateAfter', () => {
  it('waits on a retry tier or on the dead-letter topic', () => {
    expect(headStateAfter({ to: 'retry', topic: 't.retry.1000', attempt: 1, dueAt: 0 })).toBe(
      'retrying',
    );
    expect(headStateAfter({ to: 'dead-letter', topic: 't.dlq', reason: 'exhausted' })).toBe(
      'dead-lettered',
    );
  });
});

describe('lockOrder', () => {
  it('locks each key once, sorted', () => {
    expect(lockOrder(['b', 'a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
