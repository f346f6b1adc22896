import { ManualClock } from './clock';
import {
  fullBucket,
  pauseBucket,
  RateLimiter,
  takeToken,
  tokenBucketProblems,
  type TokenBucket,
} from './token-bucket';

const empty = (updatedAt = 0): TokenBucket => ({ tokens: 0, updatedAt, pausedUntil: 0 });

describe('takeToken', () => {
  const policy = { ratePerSecond: 10, burst: 1 };

  it('grants the first token at once from a full bucket', () => {
    const grant = takeToken(fullBucket(policy, 0), policy, 0);
    expect(grant.waitMs).toBe(0);
    expect(grant.bucket.tokens).toBe(0);
  });

  it('makes a caller wait one interval for a token of an empty bucket', () => {
    expect(takeToken(empty(), policy, 0).waitMs).toBe(100);
    expect(takeToken(empty(), policy, 40).waitMs).toBe(60);
  });

  it('adds up the waits of callers that arrive together', () => {
    let bucket = fullBucket(policy, 0);
    const waits = [1, 2, 3, 4].map(() => {
      const grant = takeToken(bucket, policy, 0);
      bucket = grant.bucket;
      return grant.waitMs;
    });
    expect(waits).toEqual([0, 100, 200, 300]);
  });

  it('lets a burst through, then spaces calls at the rate', () => {
    const burst = { ratePerSecond: 2, burst: 2 };
    let bucket = fullBucket(burst, 0);
    const waits = [1, 2, 3, 4].map(() => {
      const grant = takeToken(bucket, burst, 0);
      bucket = grant.bucket;
      return grant.waitMs;
    });
    expect(waits).toEqual([0, 0, 500, 1000]);
  });

  it('refills no further than its burst after a pause', () => {
    const burst = { ratePerSecond: 10, burst: 3 };
    let bucket = empty();
    const waits = [1, 2, 3, 4].map(() => {
      const grant = takeToken(bucket, burst, 60_000);
      bucket = grant.bucket;
      return grant.waitMs;
    });
    expect(waits).toEqual([0, 0, 0, 100]);
  });

  it('holds every token until a pause has passed', () => {
    const burst = { ratePerSecond: 2, burst: 2 };
    const paused = pauseBucket(fullBucket(burst, 0), 1_000, 30_000);
    expect(takeToken(paused, burst, 2_000).waitMs).toBe(29_000);
    expect(takeToken(paused, burst, 31_000).waitMs).toBe(0);
  });

  it('never shortens a pause with a shorter one', () => {
    const burst = { ratePerSecond: 2, burst: 2 };
    const paused = pauseBucket(pauseBucket(fullBucket(burst, 0), 0, 30_000), 0, 1_000);
    expect(paused.pausedUntil).toBe(30_000);
  });

  it('refuses a rate that is not positive and a burst below one', () => {
    expect(tokenBucketProblems({ ratePerSecond: 0, burst: 1 })).toHaveLength(1);
    expect(tokenBucketProblems({ ratePerSecond: Number.NaN, burst: 0.5 })).toHaveLength(2);
    expect(() => new RateLimiter({ ratePerSecond: -1, burst: 1 }, new ManualClock())).toThrow(
      RangeError,
    );
  });
});

describe('RateLimiter', () => {
  it('spaces sends by 1/rate: 5 sends at 10/s span 400 ms', async () => {
    const clock = new ManualClock(1_000);
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1 }, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await limiter.acquire();
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
  });

  it('counts time spent sending towards the next token', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ ratePerSecond: 4, burst: 1 }, clock);
    await limiter.acquire();
    clock.advance(200);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([50]);
    expect(clock.now()).toBe(250);
  });

  it('waits out a pause before the next send', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ ratePerSecond: 100, burst: 5 }, clock);
    await limiter.acquire();
    limiter.pauseFor(7_000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([7_000]);
  });
});
