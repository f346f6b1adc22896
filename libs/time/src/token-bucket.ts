import type { Clock } from './clock';

/** How fast work may go out: the one pacing Ferry has (ERP calls, dead-letter replays). */
export interface TokenBucketPolicy {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Most tokens held at once: how many may go out back to back after a quiet spell. */
  readonly burst: number;
}

export interface TokenBucket {
  /** May be negative: tokens already promised to callers that are waiting for them. */
  readonly tokens: number;
  readonly updatedAt: number;
  /** Nothing goes out before this (epoch ms), whatever the tokens say: a downstream's Retry-After. */
  readonly pausedUntil: number;
}

export interface TokenGrant {
  readonly bucket: TokenBucket;
  /** How long the caller waits before using its token; 0 when one was there. */
  readonly waitMs: number;
}

export function fullBucket(policy: TokenBucketPolicy, now: number): TokenBucket {
  return { tokens: policy.burst, updatedAt: now, pausedUntil: 0 };
}

/**
 * Takes one token at `now`. The bucket refills continuously up to its burst, from the end of any
 * pause; a caller that finds it empty is told how long to wait and the token is reserved for it,
 * so waits add up and `n` tokens taken from an empty bucket span (n - 1) / rate seconds whatever
 * the callers do.
 */
export function takeToken(bucket: TokenBucket, policy: TokenBucketPolicy, now: number): TokenGrant {
  const start = Math.max(now, bucket.pausedUntil);
  const elapsed = Math.max(0, start - bucket.updatedAt);
  const left = Math.min(policy.burst, bucket.tokens + (elapsed * policy.ratePerSecond) / 1000) - 1;
  const tokenWaitMs = left >= 0 ? 0 : Math.ceil((-left * 1000) / policy.ratePerSecond);
  return {
    bucket: {
      tokens: left,
      updatedAt: Math.max(start, bucket.updatedAt),
      pausedUntil: bucket.pausedUntil,
    },
    waitMs: start - now + tokenWaitMs,
  };
}

/** Nobody takes a token before `now + ms` has passed; a later pause never shortens one. */
export function pauseBucket(bucket: TokenBucket, now: number, ms: number): TokenBucket {
  return { ...bucket, pausedUntil: Math.max(bucket.pausedUntil, now + ms) };
}

export function tokenBucketProblems(policy: TokenBucketPolicy): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(policy.ratePerSecond) && policy.ratePerSecond > 0))
    problems.push(`rate ${policy.ratePerSecond}/s is not a positive number`);
  if (!(Number.isFinite(policy.burst) && policy.burst >= 1))
    problems.push(`burst ${policy.burst} is below one token`);
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

  /** Holds every later `acquire` until `ms` from now have passed. */
  pauseFor(ms: number): void {
    this.bucket = pauseBucket(this.bucket, this.clock.now(), ms);
  }
}
