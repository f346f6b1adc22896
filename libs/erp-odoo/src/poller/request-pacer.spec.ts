import { OdooHttpError } from '../client/errors';
import { ScriptedOdooClient } from '../testing/scripted-client';
import { PacedOdooClient, type Clock } from './paced-client';
import { initialPacerState, pauseFor, reserve } from './request-pacer';

const policy = { ratePerSecond: 2, burst: 2 };

describe('reserve', () => {
  it('lets a burst through, then spaces calls at the rate', () => {
    let state = initialPacerState(policy, 0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const grant = reserve(state, policy, 0);
      state = grant.state;
      waits.push(grant.waitMs);
    }
    expect(waits).toEqual([0, 0, 500, 1000]);
  });

  it('refills with time, up to the burst', () => {
    let state = initialPacerState(policy, 0);
    state = reserve(state, policy, 0).state;
    state = reserve(state, policy, 0).state;
    expect(reserve(state, policy, 10_000).waitMs).toBe(0);
  });

  it('holds every call until a Retry-After has passed', () => {
    const paused = pauseFor(initialPacerState(policy, 0), 1_000, 30_000);
    expect(reserve(paused, policy, 2_000).waitMs).toBe(29_000);
    expect(reserve(paused, policy, 31_000).waitMs).toBe(0);
  });

  it('never shortens a pause with a shorter one', () => {
    const paused = pauseFor(pauseFor(initialPacerState(policy, 0), 0, 30_000), 0, 1_000);
    expect(paused.pausedUntil).toBe(30_000);
  });
});

class FakeClock implements Clock {
  slept: number[] = [];
  constructor(private time = 0) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}

describe('PacedOdooClient', () => {
  it('waits out a Retry-After before the next call', async () => {
    let answers = 0;
    const inner = new ScriptedOdooClient({
      'res.partner.search_read': () => {
        answers += 1;
        if (answers === 1) throw new OdooHttpError('slow down', 429, 7_000);
        return [];
      },
    });
    const clock = new FakeClock();
    const paced = new PacedOdooClient(inner, { ratePerSecond: 100, burst: 5 }, clock);
    const call = { model: 'res.partner', method: 'search_read' };
    await expect(paced.call(call)).rejects.toMatchObject({ status: 429, retryAfterMs: 7_000 });
    await expect(paced.call(call)).resolves.toEqual([]);
    expect(clock.slept).toEqual([7_000]);
  });

  it('refuses a policy that cannot pace', () => {
    expect(
      () => new PacedOdooClient(new ScriptedOdooClient({}), { ratePerSecond: 0, burst: 1 }),
    ).toThrow(RangeError);
  });
});
