import { parseSchedstat } from './cpu-account';

describe('parseSchedstat', () => {
  it('reads time on a CPU and time waiting in the run queue, in nanoseconds', () => {
    expect(parseSchedstat('5309218361 1067345012 40313\n')).toEqual({
      onCpuNs: 5_309_218_361,
      runQueueNs: 1_067_345_012,
    });
  });

  it('refuses a line that is not one', () => {
    expect(() => parseSchedstat('')).toThrow(/not a schedstat line/);
    expect(() => parseSchedstat('12 x 3')).toThrow(/not a schedstat line/);
  });
});
