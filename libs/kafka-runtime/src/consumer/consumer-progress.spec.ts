import { consumerHealth, type ConsumerProgress } from './consumer-progress';
import { joined, leftGroup } from './membership';

const bounds = { stallAfterMs: 60_000, notMemberAfterMs: 30_000 };
const base: ConsumerProgress = {
  lastProgressAt: 1_000,
  lag: 0,
  held: 0,
  restarts: 0,
  membership: joined(500),
};

describe('consumerHealth', () => {
  it('is healthy when idle without lag, however long', () => {
    expect(consumerHealth(base, 10_000_000, bounds)).toMatchObject({ live: true, ready: true });
  });

  it('is healthy while lag is moving', () => {
    expect(consumerHealth({ ...base, lag: 50 }, 30_000, bounds)).toMatchObject({
      live: true,
      ready: true,
    });
  });

  it('is not live when lag has not moved for longer than the stall time', () => {
    expect(consumerHealth({ ...base, lag: 50 }, 62_000, bounds)).toEqual({
      live: false,
      ready: false,
      detail: '50 records waiting and no progress for 61 s',
    });
  });

  it('stays live when lag has not moved for exactly the stall time', () => {
    expect(consumerHealth({ ...base, lag: 50 }, 61_000, bounds).live).toBe(true);
  });

  it('is live but not ready while holding for a downstream that is down, and says why', () => {
    expect(
      consumerHealth(
        { ...base, lag: 50, held: 2, holdReason: 'postgres unavailable: Query read timeout' },
        10_000_000,
        bounds,
      ),
    ).toEqual({
      live: true,
      ready: false,
      detail: 'holding 2 partition(s): postgres unavailable: Query read timeout',
    });
  });

  it('is live but not ready while out of its group within the bound', () => {
    const membership = leftGroup(base.membership, 10_000, 'crashed: coordinator lost');
    expect(consumerHealth({ ...base, membership }, 40_000, bounds)).toEqual({
      live: true,
      ready: false,
      detail: 'not a member of its group for 30 s: crashed: coordinator lost',
    });
  });

  it('is not live once out of its group for longer than the bound, even without lag', () => {
    const membership = leftGroup(base.membership, 10_000, 'crashed: coordinator lost');
    expect(consumerHealth({ ...base, membership }, 40_001, bounds)).toMatchObject({
      live: false,
      ready: false,
    });
  });

  it('puts being out of the group before holding: a held partition of a dead member is not held', () => {
    const membership = leftGroup(base.membership, 10_000, 'rebalancing');
    expect(consumerHealth({ ...base, held: 1, membership }, 50_000, bounds).live).toBe(false);
  });
});
