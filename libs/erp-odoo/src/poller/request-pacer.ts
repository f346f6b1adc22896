/**
 * Paces calls to Odoo: a token bucket (at most `ratePerSecond`, bursts of `burst`) and a pause
 * until a `Retry-After` has passed. Pure state: `reserve` says how long the caller waits.
 */
export interface PacerPolicy {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export interface PacerState {
  /** May go negative: tokens promised to callers already waiting. */
  readonly tokens: number;
  readonly updatedAt: number;
  /** No call goes out before this (epoch ms), whatever the tokens say. */
  readonly pausedUntil: number;
}

export function pacerPolicyProblems(policy: PacerPolicy): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(policy.ratePerSecond) && policy.ratePerSecond > 0))
    problems.push(`rate ${policy.ratePerSecond}/s is not a positive number`);
  if (!(Number.isFinite(policy.burst) && policy.burst >= 1))
    problems.push(`burst ${policy.burst} is below one request`);
  return problems;
}

export function initialPacerState(policy: PacerPolicy, nowMs: number): PacerState {
  return { tokens: policy.burst, updatedAt: nowMs, pausedUntil: 0 };
}

/** Takes a token for a call wanting to go at `nowMs`. */
export function reserve(
  state: PacerState,
  policy: PacerPolicy,
  nowMs: number,
): { readonly state: PacerState; readonly waitMs: number } {
  const start = Math.max(nowMs, state.pausedUntil);
  const elapsed = Math.max(0, start - state.updatedAt);
  const tokens = Math.min(policy.burst, state.tokens + (elapsed * policy.ratePerSecond) / 1000) - 1;
  const tokenWaitMs = tokens >= 0 ? 0 : Math.ceil((-tokens * 1000) / policy.ratePerSecond);
  return {
    state: { tokens, updatedAt: Math.max(start, state.updatedAt), pausedUntil: state.pausedUntil },
    waitMs: start - nowMs + tokenWaitMs,
  };
}

/** Odoo said Retry-After: nobody calls before it has passed (a later pause never shortens one). */
export function pauseFor(state: PacerState, nowMs: number, retryAfterMs: number): PacerState {
  return { ...state, pausedUntil: Math.max(state.pausedUntil, nowMs + retryAfterMs) };
}
