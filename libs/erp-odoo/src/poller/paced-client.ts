import { OdooHttpError } from '../client/errors';
import type { OdooCall, OdooClient } from '../client/odoo-client';
import {
  initialPacerState,
  pacerPolicyProblems,
  pauseFor,
  reserve,
  type PacerPolicy,
  type PacerState,
} from './request-pacer';

/** Time as the pacer sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

/**
 * An OdooClient that waits for the pacer before each call and, when Odoo answers with a
 * Retry-After, pauses every later call until it has passed. The failing call still throws: the
 * caller (the poll loop, the sink's runtime) decides what a failure means.
 */
export class PacedOdooClient implements OdooClient {
  private state: PacerState;

  constructor(
    private readonly client: OdooClient,
    private readonly policy: PacerPolicy,
    private readonly clock: Clock = systemClock,
  ) {
    const problems = pacerPolicyProblems(policy);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
    this.state = initialPacerState(policy, clock.now());
  }

  async call(call: OdooCall): Promise<unknown> {
    const grant = reserve(this.state, this.policy, this.clock.now());
    this.state = grant.state;
    if (grant.waitMs > 0) await this.clock.sleep(grant.waitMs);
    try {
      return await this.client.call(call);
    } catch (error: unknown) {
      if (error instanceof OdooHttpError && error.retryAfterMs !== undefined)
        this.state = pauseFor(this.state, this.clock.now(), error.retryAfterMs);
      throw error;
    }
  }
}
