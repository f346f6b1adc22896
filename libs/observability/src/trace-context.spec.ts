import { childTraceparent, isValidTraceparent, newTraceparent } from './trace-context';

describe('traceparent', () => {
  it('creates valid, distinct traces', () => {
    const a = newTraceparent();
    expect(isValidTraceparent(a)).toBe(true);
    expect(a).not.toBe(newTraceparent());
  });

  it('keeps the trace id and flags and replaces the parent span', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const child = childTraceparent(parent);
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(parent);
  });

  it('rejects malformed and all-zero ids, and starts a new trace instead', () => {
    expect(isValidTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(
      false,
    );
    expect(isValidTraceparent('garbage')).toBe(false);
    expect(isValidTraceparent(childTraceparent('garbage'))).toBe(true);
  });
});
