import { RateLimiter, systemClock, type Clock, type TokenBucketPolicy } from '@ferry/time';
import { OdooHttpError } from '../client/errors';
import type { OdooCall, OdooClient } from '../client/odoo-client';

/**
 * An OdooClient that waits for its rate limiter before each call and, when Odoo answers with a
 * Retry-After, pauses every later call until it has passed. The failing call still throws: the
 * caller (the poll loop, the sink's runtime) decides what a failure means.
 */
export class PacedOdooClient implements OdooClient {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly client: OdooClient,
    policy: TokenBucketPolicy,
    clock: Clock = systemClock,
  ) {
    this.limiter = new RateLimiter(policy, clock);
  }

  async call(call: OdooCall): Promise<unknown> {
    await this.limiter.acquire();
    try {
      return await this.client.call(call);
    } catch (error: unknown) {
      if (error instanceof OdooHttpError && error.retryAfterMs !== undefined)
        this.limiter.pauseFor(error.retryAfterMs);
      throw error;
    }
  }
}
