import { ConfigError } from '@ferry/config';
import { DeadLetterReadError, PublishError, ReplayRejectedError } from '@ferry/kafka-runtime';
import { describeFailure } from './describe-failure';
import { OpsError, UsageError } from './ops-errors';

describe('describeFailure', () => {
  it('shows expected failures as plain lines without a stack', () => {
    expect(describeFailure(new UsageError('--topic is required'))).toBe(
      'ops: --topic is required\nRun "npm run ops -- --help" for usage.',
    );
    expect(describeFailure(new OpsError('Postgres at db:5432/ferry is not reachable'))).toBe(
      'ops: Postgres at db:5432/ferry is not reachable',
    );
    expect(describeFailure(new ConfigError(['KAFKA_BROKERS is invalid']))).toBe(
      'ops: Invalid configuration:\n  KAFKA_BROKERS is invalid',
    );
    expect(
      describeFailure(new ReplayRejectedError('Replay refused', ['a replay needs a reason'])),
    ).toBe('ops: Replay refused:\n  a replay needs a reason');
  });

  it('adds the cause of a runtime error once, and says when trying again may help', () => {
    expect(
      describeFailure(
        new PublishError('Replay r stopped after 2 of 5 records', { cause: new Error('timeout') }),
      ),
    ).toBe(
      'ops: Replay r stopped after 2 of 5 records\n  cause: timeout\n  (this may pass if tried again)',
    );
    expect(
      describeFailure(
        new DeadLetterReadError('Could not read t: ECONNREFUSED', {
          cause: new Error('ECONNREFUSED'),
        }),
      ),
    ).toBe('ops: Could not read t: ECONNREFUSED\n  (this may pass if tried again)');
  });

  it('shows the stack of anything unexpected', () => {
    const bug = new TypeError('x is undefined');
    expect(describeFailure(bug)).toContain('unexpected error');
    expect(describeFailure(bug)).toContain(bug.stack ?? '');
  });
});
