import { spanContextOf, traceparentOf, isValidTraceparent } from './trace-context';

describe('traceparent', () => {
  const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('reads the remote span a traceparent names', () => {
    expect(spanContextOf(header)).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
      isRemote: true,
    });
  });

  it('writes a span context back as the same traceparent', () => {
    const context = spanContextOf(header);
    if (context === undefined) throw new Error('no span context read');
    expect(traceparentOf(context)).toBe(header);
    expect(traceparentOf({ ...context, traceFlags: 0 })).toBe(header.replace(/01$/, '00'));
  });

  it('rejects malformed and all-zero ids', () => {
    expect(isValidTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(
      false,
    );
    expect(isValidTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBe(
      false,
    );
    expect(isValidTraceparent('garbage')).toBe(false);
    expect(isValidTraceparent(undefined)).toBe(false);
    expect(isValidTraceparent(header)).toBe(true);
  });

  it('writes nothing for the invalid context of a no-op tracer', () => {
    expect(
      traceparentOf({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 }),
    ).toBeUndefined();
  });
});
