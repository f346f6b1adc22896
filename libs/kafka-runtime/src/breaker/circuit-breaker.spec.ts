import {
  afterFailure,
  afterSuccess,
  closedCircuit,
  currentState,
  DefaultCircuitBreakerPolicy,
  type CircuitBreakerPolicy,
  type CircuitState,
} from './circuit-breaker';

const policy: CircuitBreakerPolicy = { failureThreshold: 3, windowMs: 10_000, openMs: 5_000 };

describe('circuit breaker', () => {
  it('opens after the threshold of failures within the window', () => {
    let circuit = closedCircuit;
    circuit = afterFailure(circuit, 1_000, policy);
    circuit = afterFailure(circuit, 2_000, policy);
    expect(circuit.state).toBe('closed');
    circuit = afterFailure(circuit, 3_000, policy);
    expect(circuit).toEqual({ state: 'open', until: 8_000 });
  });

  it('forgets failures that left the window', () => {
    let circuit = closedCircuit;
    circuit = afterFailure(circuit, 1_000, policy);
    circuit = afterFailure(circuit, 2_000, policy);
    circuit = afterFailure(circuit, 20_000, policy);
    expect(circuit).toEqual({ state: 'closed', failures: [20_000] });
  });

  it('lets one probe through when the open time is up, and closes on its success', () => {
    const open = { state: 'open', until: 8_000 } as const;
    expect(currentState(open, 7_999)).toBe(open);
    expect(currentState(open, 8_000)).toEqual({ state: 'half-open' });
    expect(afterSuccess({ state: 'half-open' })).toBe(closedCircuit);
  });

  it('re-opens when the probe fails', () => {
    expect(afterFailure({ state: 'half-open' }, 9_000, policy)).toEqual({
      state: 'open',
      until: 14_000,
    });
  });

  it('clears counted failures on a success', () => {
    expect(afterSuccess({ state: 'closed', failures: [1_000] })).toBe(closedCircuit);
  });
});

describe('default circuit breaker policy', () => {
  const failAt = (times: readonly number[]) =>
    times.reduce<CircuitState>(
      (circuit, at) => afterFailure(circuit, at, DefaultCircuitBreakerPolicy),
      closedCircuit,
    );

  it('opens on the fifth failure within 30 s, for 15 s', () => {
    expect(failAt([0, 1_000, 2_000, 3_000]).state).toBe('closed');
    expect(failAt([0, 1_000, 2_000, 3_000, 29_000])).toEqual({ state: 'open', until: 44_000 });
  });

  it('stays closed when the fifth failure comes after the first left the 30 s window', () => {
    expect(failAt([0, 1_000, 2_000, 3_000, 30_000]).state).toBe('closed');
  });
});
