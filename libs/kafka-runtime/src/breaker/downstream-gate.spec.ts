import { DownstreamGate, DownstreamUnavailable } from './downstream-gate';

const policy = { failureThreshold: 3, windowMs: 10_000, openMs: 5_000 };
const rateLimited = (retryAfterMs?: number) =>
  Object.assign(new Error('Too Many Requests'), { status: 429, retryAfterMs });

async function retryAtAfter(gate: DownstreamGate, error: Error): Promise<number> {
  const failure: unknown = await gate.run(() => Promise.reject(error)).catch((e: unknown) => e);
  if (!(failure instanceof DownstreamUnavailable)) throw new Error('expected the gate to hold');
  return failure.retryAt;
}

describe('DownstreamGate', () => {
  it('holds on a rate limit for as long as its Retry-After asks', async () => {
    const now = 1_000_000;
    const gate = new DownstreamGate('erp', policy, () => now);
    expect(await retryAtAfter(gate, rateLimited(20_000))).toBe(now + 20_000);
  });

  it('holds briefly on a rate limit that names no time', async () => {
    const now = 1_000_000;
    const gate = new DownstreamGate('erp', policy, () => now);
    expect(await retryAtAfter(gate, rateLimited())).toBe(now + 1_000);
  });

  it('waits for an open circuit when it ends after the Retry-After', async () => {
    const now = 1_000_000;
    const gate = new DownstreamGate('erp', policy, () => now);
    await retryAtAfter(gate, rateLimited(100));
    await retryAtAfter(gate, rateLimited(100));
    expect(await retryAtAfter(gate, rateLimited(100))).toBe(now + policy.openMs);
    expect(gate.isOpen()).toBe(true);
  });
});
