import { consumerHealth } from './consumer-progress';

const base = { lastProgressAt: 1_000, lag: 0, held: 0, restarts: 0 };

describe('consumerHealth', () => {
  it('is healthy when idle without lag, however long', () => {
    expect(consumerHealth(base, 10_000_000, 60_000)).toMatchObject({ live: true, ready: true });
  });

  it('is healthy while lag is moving', () => {
    expect(consumerHealth({ ...base, lag: 50 }, 30_000, 60_000)).toMatchObject({
      live: true,
      ready: true,
    });
  });

  it('is not live when lag has not moved for longer than the stall time', () => {
    expect(consumerHealth({ ...base, lag: 50 }, 62_000, 60_000)).toEqual({
      live: false,
      ready: false,
      detail: '50 records waiting and no progress for 61 s',
    });
  });

  it('is live but not ready while holding for a downstream that is down', () => {
    expect(consumerHealth({ ...base, lag: 50, held: 2 }, 10_000_000, 60_000)).toMatchObject({
      live: true,
      ready: false,
    });
  });
});
