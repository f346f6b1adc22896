import type { Clock } from './clock';
import { fullBucket, RateLimiter, takeToken, tokenBucketProblems } from './token-bucket';

class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.at += ms;
    return Promise.resolve();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

describe('takeToken', () => {
  const policy = { ratePerSecond: 10, capacity: 1 };

  it('grants the first token at once from a full bucket', () => {
    const grant = takeToken(fullBucket(policy, 0), policy, 0);
    expect(grant.waitMs).toBe(0);
    expect(grant.bucket.tokens).toBe(0);
  });

  it('makes a caller wait one interval for a token of an empty bucket', () => {
    expect(takeToken({ tokens: 0, updatedAt: 0 }, policy, 0).waitMs).toBe(100);
    expect(takeToken({ tokens: 0, updatedAt: 0 }, policy, 40).waitMs).toBe(60);
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

  it('refills no further than its capacity after a pause', () => {
    const burst = { ratePerSecond: 10, capacity: 3 };
    let bucket = { tokens: 0, updatedAt: 0 };
    const waits = [1, 2, 3, 4].map(() => {
      const grant = takeToken(bucket, burst, 60_000);
      bucket = grant.bucket;
      return grant.waitMs;
    });
    expect(waits).toEqual([0, 0, 0, 100]);
  });

  it('refuses a rate that is not positive and a capacity below one', () => {
    expect(tokenBucketProblems({ ratePerSecond: 0, capacity: 1 })).toHaveLength(1);
    expect(tokenBucketProblems({ ratePerSecond: Number.NaN, capacity: 0.5 })).toHaveLength(2);
    expect(() => new RateLimiter({ ratePerSecond: -1, capacity: 1 }, new FakeClock(0))).toThrow(
      RangeError,
    );
  });
});

describe('RateLimiter', () => {
  it('spaces sends by 1/rate: 5 sends at 10/s span 400 ms', async () => {
    const clock = new FakeClock(1_000);
    const limiter = new RateLimiter({ ratePerSecond: 10, capacity: 1 }, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await limiter.acquire();
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
  });

  it('counts time spent sending towards the next token', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ ratePerSecond: 4, capacity: 1 }, clock);
    await limiter.acquire();
    clock.advance(200);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([50]);
    expect(clock.now()).toBe(250);
  });
});
