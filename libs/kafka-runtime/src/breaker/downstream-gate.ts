import { gauge } from '@ferry/observability';
import { classifyFailure, FerryError } from '@ferry/failures';
import { retryAfterOf } from './retry-after';
import {
  afterFailure,
  afterSuccess,
  closedCircuit,
  currentState,
  type CircuitBreakerPolicy,
  type CircuitState,
} from './circuit-breaker';

const circuitGauge = gauge(
  'ferry_circuit_open',
  'Whether the circuit breaker of a downstream is open (1) or not (0)',
  ['downstream'],
);

/** Short pause after one "unavailable" failure while the circuit is still closed. */
const UNAVAILABLE_BACKOFF_MS = 1000;

/** Work was not attempted, or failed, because its downstream is down; nothing may be committed. */
export class DownstreamUnavailable extends FerryError {
  constructor(
    readonly retryAt: number,
    override readonly cause: unknown,
    /** The system that is down, when it is not the consumer's own downstream. */
    readonly downstream?: string,
  ) {
    super('downstream unavailable', 'unavailable', { cause });
  }
}

/**
 * The circuit breaker around one downstream system. Counts failures that say the downstream is
 * unwell (unreachable, or failing event after event); when it opens, work stops with
 * DownstreamUnavailable, so the consumer pauses instead of spending retry attempts.
 */
export class DownstreamGate {
  private circuit: CircuitState = closedCircuit;

  constructor(
    readonly name: string,
    private readonly policy: CircuitBreakerPolicy,
    private readonly clock: () => number,
  ) {}

  /**
   * Runs `work`. An "unavailable" failure always stops with DownstreamUnavailable; with
   * `countTransient`, a transient failure counts towards opening the circuit too, and stops once
   * it is open.
   */
  async run<R>(work: () => Promise<R>, countTransient = false): Promise<R> {
    if (this.isOpen())
      throw new DownstreamUnavailable(this.retryAt(), new Error(`circuit of ${this.name} is open`));
    try {
      const result = await work();
      this.update(afterSuccess(this.circuit));
      return result;
    } catch (error: unknown) {
      const kind = classifyFailure(error);
      if (kind === 'unavailable')
        throw new DownstreamUnavailable(this.recordFailure(retryAfterOf(error)), error);
      if (kind === 'transient' && countTransient) {
        this.recordFailure();
        if (this.isOpen()) throw new DownstreamUnavailable(this.retryAt(), error);
      }
      throw error;
    }
  }

  /**
   * Counts a failure and returns when work may be tried again: not before the circuit allows,
   * nor before `retryAfterMs` (what the downstream itself asked for) has passed.
   */
  recordFailure(retryAfterMs = 0): number {
    this.update(afterFailure(this.circuit, this.clock(), this.policy));
    return Math.max(this.retryAt(), this.clock() + retryAfterMs);
  }

  isOpen(): boolean {
    return currentState(this.circuit, this.clock()).state === 'open';
  }

  retryAt(): number {
    const state = currentState(this.circuit, this.clock());
    return state.state === 'open' ? state.until : this.clock() + UNAVAILABLE_BACKOFF_MS;
  }

  private update(next: CircuitState): void {
    if (next === this.circuit) return;
    this.circuit = next;
    circuitGauge.set({ downstream: this.name }, next.state === 'open' ? 1 : 0);
  }
}
