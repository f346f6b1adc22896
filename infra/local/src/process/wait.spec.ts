import { waitUntil } from './wait';

function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let time = 0;
  return {
    now: () => time,
    sleep: (ms) => {
      time += ms;
      return Promise.resolve();
    },
  };
}

describe('waitUntil', () => {
  it('is ready as soon as the check passes', async () => {
    let calls = 0;
    const outcome = await waitUntil(() => Promise.resolve(++calls === 3), {
      timeoutMs: 10_000,
      ...fakeClock(),
    });
    expect(outcome).toEqual({ ready: true });
    expect(calls).toBe(3);
  });

  it('times out with the waited duration', async () => {
    const outcome = await waitUntil(() => Promise.resolve(false), {
      timeoutMs: 5000,
      intervalMs: 1000,
      ...fakeClock(),
    });
    expect(outcome).toEqual({ ready: false, reason: 'was not ready after 5 s' });
  });

  it('stops at once when the process reports a failure', async () => {
    const check = jest.fn(() => Promise.resolve(false));
    let attempts = 0;
    const outcome = await waitUntil(check, {
      timeoutMs: 60_000,
      failure: () => (++attempts > 2 ? 'exited during startup' : undefined),
      ...fakeClock(),
    });
    expect(outcome).toEqual({ ready: false, reason: 'exited during startup' });
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('counts a throwing check as not ready yet', async () => {
    let calls = 0;
    const check = (): Promise<boolean> =>
      ++calls < 2 ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(true);
    expect(await waitUntil(check, { timeoutMs: 10_000, ...fakeClock() })).toEqual({ ready: true });
  });
});
