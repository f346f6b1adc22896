import type { Clock } from './clock';

export interface TokenBucketPolicy {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Most tokens held at once: how many records may go out back to back after a pause. */
  readonly capacity: number;
}

export interface TokenBucket {
  /** May be negative: tokens already promised to callers that are waiting for them. */
  readonly tokens: number;
  readonly updatedAt: number;
}

export interface TokenGrant {
  readonly bucket: TokenBucket;
  /** How long the caller waits before using its token; 0 when one was there. */
  readonly waitMs: number;
}

export function fullBucket(policy: TokenBucketPolicy, now: number): TokenBucket {
  return { tokens: policy.capacity, updatedAt: now };
}

/**
 * Takes one token at `now`. The bucket refills continuously up to its capacity; a caller that
 * finds it empty is told how long to wait and the token is reserved for it, so waits add up
 * and `n` tokens taken from an empty bucket span (n - 1) / rate seconds whatever the callers do.
 */
export function takeToken(bucket: TokenBucket, policy: TokenBucketPolicy, now: number): TokenGrant {
  const elapsed = Math.max(0, now - bucket.updatedAt);
  const refilled = Math.min(
    policy.capacity,
    bucket.tokens + (elapsed * policy.ratePerSecond) / 1000,
  );
  const left = refilled - 1;
  return {
    bucket: { tokens: left, updatedAt: Math.max(now, bucket.updatedAt) },
    waitMs: left >= 0 ? 0 : Math.ceil((-left * 1000) / policy.ratePerSecond),
  };
}

export function tokenBucketProblems(policy: TokenBucketPolicy): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(policy.ratePerSecond) && policy.ratePerSecond > 0))
    problems.push(`rate ${policy.ratePerSecond}/s is not a positive number`);
  if (!(Number.isFinite(policy.capacity) && policy.capacity >= 1))
    problems.push(`capacity ${policy.capacity} is below one token`);
  return problems;
}

/** Paces a sequence of sends: `acquire` resolves when the next one may go. */
export class RateLimiter {
  private bucket: TokenBucket;

  constructor(
    private readonly policy: TokenBucketPolicy,
    private readonly clock: Clock,
  ) {
    const problems = tokenBucketProblems(policy);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.bucket = fullBucket(policy, clock.now());
  }

  async acquire(): Promise<void> {
    const grant = takeToken(this.bucket, this.policy, this.clock.now());
    this.bucket = grant.bucket;
    if (grant.waitMs > 0) await this.clock.sleep(grant.waitMs);
  }
}
