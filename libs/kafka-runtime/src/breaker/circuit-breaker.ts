export interface CircuitBreakerPolicy {
  /** Failures within `windowMs` that open the circuit. */
  readonly failureThreshold: number;
  readonly windowMs: number;
  /** How long the circuit stays open before one probe is let through. */
  readonly openMs: number;
}

export const DefaultCircuitBreakerPolicy: CircuitBreakerPolicy = {
  failureThreshold: 5,
  windowMs: 30_000,
  openMs: 15_000,
};

export type CircuitState =
  | { readonly state: 'closed'; readonly failures: readonly number[] }
  | { readonly state: 'open'; readonly until: number }
  | { readonly state: 'half-open' };

export const closedCircuit: CircuitState = { state: 'closed', failures: [] };

/**
 * The circuit breaker of one downstream system, as pure transitions over an injected clock
 * (`now`). Closed: failures are counted in a sliding window; the threshold opens it. Open: no
 * work is attempted until `until`. Then half-open: one probe; success closes, failure re-opens.
 */
export function afterFailure(
  circuit: CircuitState,
  now: number,
  policy: CircuitBreakerPolicy,
): CircuitState {
  if (circuit.state !== 'closed') return { state: 'open', until: now + policy.openMs };
  const failures = [...circuit.failures.filter((at) => at > now - policy.windowMs), now];
  return failures.length >= policy.failureThreshold
    ? { state: 'open', until: now + policy.openMs }
    : { state: 'closed', failures };
}

export function afterSuccess(circuit: CircuitState): CircuitState {
  return circuit.state === 'closed' && circuit.failures.length === 0 ? circuit : closedCircuit;
}

/** The state as seen at `now`: an open circuit whose time is up lets one probe through. */
export function currentState(circuit: CircuitState, now: number): CircuitState {
  return circuit.state === 'open' && now >= circuit.until ? { state: 'half-open' } : circuit;
}
