/**
 * The ways a simulated system can misbehave towards its callers. One mode at a time; `forMs`
 * turns a mode back to `ok` by itself, so a demo can say "Odoo is down for 30 seconds".
 */
export type ServerFault =
  | { readonly mode: 'ok' }
  /** Connection refused: the listening socket is closed, and reopened on the same port later. */
  | { readonly mode: 'down'; readonly forMs?: number }
  /** Every request waits `latencyMs` before it is handled. */
  | { readonly mode: 'slow'; readonly latencyMs: number; readonly forMs?: number }
  /** At most `limit` requests per `windowMs`; the rest get 429 with `Retry-After`. */
  | {
      readonly mode: 'rate-limited';
      readonly limit: number;
      readonly windowMs?: number;
      readonly forMs?: number;
    }
  /** 5xx answers: every `everyN`-th request, or each with `probability`, or all of them. */
  | {
      readonly mode: 'failing';
      readonly status?: number;
      readonly probability?: number;
      readonly everyN?: number;
      readonly forMs?: number;
    };

export type FaultMode = ServerFault['mode'];

/** What the fault gate remembers between requests. */
export interface FaultCounters {
  readonly requests: number;
  readonly windowStartedAt: number;
  readonly inWindow: number;
}

export const NO_COUNTS: FaultCounters = { requests: 0, windowStartedAt: 0, inWindow: 0 };

export type FaultDecision =
  | { readonly verdict: 'handle'; readonly delayMs: number }
  | {
      readonly verdict: 'reject';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly reason: string;
    };

const DEFAULT_WINDOW_MS = 1000;

/**
 * Decides what happens to one request under `fault`. Pure: the caller keeps the returned counters
 * and passes them to the next call.
 */
export function decideFault(
  fault: ServerFault,
  counters: FaultCounters,
  now: number,
  random: () => number,
): { readonly decision: FaultDecision; readonly counters: FaultCounters } {
  const requests = counters.requests + 1;
  const next = { ...counters, requests };
  switch (fault.mode) {
    case 'ok':
    case 'down':
      return { decision: { verdict: 'handle', delayMs: 0 }, counters: next };
    case 'slow':
      return { decision: { verdict: 'handle', delayMs: fault.latencyMs }, counters: next };
    case 'rate-limited':
      return decideRateLimit(fault.limit, fault.windowMs ?? DEFAULT_WINDOW_MS, next, now);
    case 'failing': {
      const fails =
        fault.everyN !== undefined
          ? requests % fault.everyN === 0
          : fault.probability !== undefined
            ? random() < fault.probability
            : true;
      const decision: FaultDecision = fails
        ? { verdict: 'reject', status: fault.status ?? 503, headers: {}, reason: 'failing' }
        : { verdict: 'handle', delayMs: 0 };
      return { decision, counters: next };
    }
  }
}

function decideRateLimit(
  limit: number,
  windowMs: number,
  counters: FaultCounters,
  now: number,
): { readonly decision: FaultDecision; readonly counters: FaultCounters } {
  const fresh = now - counters.windowStartedAt >= windowMs;
  const windowStartedAt = fresh ? now : counters.windowStartedAt;
  const inWindow = (fresh ? 0 : counters.inWindow) + 1;
  const next = { requests: counters.requests, windowStartedAt, inWindow };
  if (inWindow <= limit) return { decision: { verdict: 'handle', delayMs: 0 }, counters: next };
  const retryAfter = Math.max(1, Math.ceil((windowStartedAt + windowMs - now) / 1000));
  return {
    decision: {
      verdict: 'reject',
      status: 429,
      headers: { 'retry-after': String(retryAfter) },
      reason: 'rate-limited',
    },
    counters: next,
  };
}

/** Reads a fault sent to `POST /__sim/faults`; throws a readable error for anything else. */
export function parseServerFault(body: unknown): ServerFault {
  if (typeof body !== 'object' || body === null) throw new Error('fault must be a JSON object');
  const record = body as Record<string, unknown>;
  const forMs = optionalNumber(record, 'forMs');
  const withFor = <T extends object>(fault: T): T =>
    forMs === undefined ? fault : { ...fault, forMs };
  switch (record['mode']) {
    case 'ok':
      return { mode: 'ok' };
    case 'down':
      return withFor({ mode: 'down' as const });
    case 'slow':
      return withFor({ mode: 'slow' as const, latencyMs: requiredNumber(record, 'latencyMs') });
    case 'rate-limited': {
      const windowMs = optionalNumber(record, 'windowMs');
      return withFor({
        mode: 'rate-limited' as const,
        limit: requiredNumber(record, 'limit'),
        ...(windowMs === undefined ? {} : { windowMs }),
      });
    }
    case 'failing': {
      const status = optionalNumber(record, 'status');
      const probability = optionalNumber(record, 'probability');
      const everyN = optionalNumber(record, 'everyN');
      return withFor({
        mode: 'failing' as const,
        ...(status === undefined ? {} : { status }),
        ...(probability === undefined ? {} : { probability }),
        ...(everyN === undefined ? {} : { everyN }),
      });
    }
    default:
      throw new Error('mode must be one of ok, down, slow, rate-limited, failing');
  }
}

function optionalNumber(record: Record<string, unknown>, key: string): number | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${key} must be a non-negative number`);
  return value;
}

function requiredNumber(record: Record<string, unknown>, key: string): number {
  const value = optionalNumber(record, key);
  if (value === undefined) throw new Error(`${key} is required`);
  return value;
}
