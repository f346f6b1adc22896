import { parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('starts one broker unless told three', () => {
    expect(parseCliArgs(['up'])).toEqual({ kind: 'up', brokers: 1, secure: false });
    expect(parseCliArgs(['up', '--brokers', '3'])).toEqual({
      kind: 'up',
      brokers: 3,
      secure: false,
    });
    expect(parseCliArgs(['up', '--brokers=3'])).toEqual({ kind: 'up', brokers: 3, secure: false });
    expect(parseCliArgs(['up', '--secure', '--brokers=3'])).toEqual({
      kind: 'up',
      brokers: 3,
      secure: true,
    });
  });

  it('refuses broker counts other than 1 and 3', () => {
    expect(parseCliArgs(['up', '--brokers', '2'])).toEqual({
      kind: 'invalid',
      problem: 'up: --brokers must be 1 or 3',
    });
    expect(parseCliArgs(['up', '--brokers'])).toMatchObject({ kind: 'invalid' });
  });

  it('reads logs with an optional part and --follow in any order', () => {
    expect(parseCliArgs(['logs'])).toEqual({ kind: 'logs', part: undefined, follow: false });
    expect(parseCliArgs(['logs', '--follow', 'kafka'])).toEqual({
      kind: 'logs',
      part: 'kafka',
      follow: true,
    });
    expect(parseCliArgs(['logs', 'zookeeper'])).toMatchObject({ kind: 'invalid' });
  });

  it('takes no arguments for down, status and reset', () => {
    expect(parseCliArgs(['down'])).toEqual({ kind: 'down' });
    expect(parseCliArgs(['status'])).toEqual({ kind: 'status' });
    expect(parseCliArgs(['reset'])).toEqual({ kind: 'reset' });
    expect(parseCliArgs(['down', '--now'])).toMatchObject({ kind: 'invalid' });
  });

  it('shows help without a command and rejects unknown ones', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['start'])).toEqual({
      kind: 'invalid',
      problem: 'unknown command "start"',
    });
  });
});
