import { retryAfterOf } from './retry-after';

describe('retryAfterOf', () => {
  it("reads a downstream's Retry-After from the error or its causes", () => {
    expect(retryAfterOf({ retryAfterMs: 3000 })).toBe(3000);
    expect(retryAfterOf(new Error('write failed', { cause: { retryAfterMs: 7000 } }))).toBe(7000);
  });

  it('is 0 when the downstream asked for nothing, or for something unreadable', () => {
    expect(retryAfterOf(new Error('x'))).toBe(0);
    expect(retryAfterOf({ retryAfterMs: undefined })).toBe(0);
    expect(retryAfterOf({ retryAfterMs: -5 })).toBe(0);
    expect(retryAfterOf(undefined)).toBe(0);
  });
});
