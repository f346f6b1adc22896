import { parseCommandLine, type ParsedCommandLine } from './arguments';
import { UsageError } from './ops-errors';

function command(argv: string[]) {
  const parsed: ParsedCommandLine = parseCommandLine(argv);
  if (parsed.help) throw new Error('expected a command');
  return parsed;
}

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error: unknown) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('reads dlq list with every filter', () => {
    const parsed = command([
      'dlq',
      'list',
      '--topic',
      'levels.dlq',
      '--group',
      'projector',
      '--original-topic',
      'levels',
      '--error-class',
      'LockTimeout',
      '--error-kind',
      'transient',
      '--fingerprint',
      'f00d',
      '--key',
      'SKU-1@WH1',
      '--since',
      '2024-05-01T00:00:00Z',
      '--until',
      '2024-05-02T00:00:00Z',
      '--offset',
      '2:41',
      '--limit',
      '10',
      '--json',
    ]);
    expect(parsed).toEqual({
      help: false,
      json: true,
      verbose: false,
      command: {
        name: 'dlq list',
        dlqTopic: 'levels.dlq',
        limit: 10,
        filter: {
          consumerGroup: 'projector',
          originalTopic: 'levels',
          errorClass: 'LockTimeout',
          errorKind: 'transient',
          fingerprint: 'f00d',
          key: 'SKU-1@WH1',
          failedFrom: Date.parse('2024-05-01T00:00:00Z'),
          failedBefore: Date.parse('2024-05-02T00:00:00Z'),
          position: { partition: 2, offset: '41' },
        },
      },
    });
  });

  it('reads dlq replay with its defaults: original topic, 50/s', () => {
    expect(
      command(['dlq', 'replay', '--topic', 't.dlq', '--offset', '0:3', '--reason', 'fixed'])
        .command,
    ).toMatchObject({
      name: 'dlq replay',
      target: 'original-topic',
      ratePerSecond: 50,
      dryRun: false,
      reason: 'fixed',
    });
  });

  it('maps --to consumer to a retry-now replay', () => {
    expect(
      command([
        'dlq',
        'replay',
        '--topic',
        't.dlq',
        '--all',
        '--to',
        'consumer',
        '--reason',
        'r',
        '--rate',
        '2.5',
      ]).command,
    ).toMatchObject({ target: 'retry-now', ratePerSecond: 2.5, filter: {} });
  });

  it('refuses --by: the operator is who Postgres authenticated, not a name given', () => {
    expect(usageError(['dlq', 'replay', '--topic', 't.dlq', '--all', '--by', 'bob'])).toMatch(
      /^--by is no longer taken: the audit records the Postgres role you connect as/,
    );
    expect(
      usageError(['parked', 'release', '--group', 'g', '--topic', 't', '--key', 'k', '--by', 'b']),
    ).toMatch(/^--by is no longer taken/);
  });

  it('requires a reason for a real replay but not for a dry run', () => {
    expect(usageError(['dlq', 'replay', '--topic', 't.dlq', '--all'])).toMatch(/--reason/);
    expect(usageError(['dlq', 'replay', '--topic', 't.dlq', '--all', '--reason', ' '])).toMatch(
      /--reason/,
    );
    expect(
      command(['dlq', 'replay', '--topic', 't.dlq', '--all', '--dry-run']).command,
    ).toMatchObject({ dryRun: true, reason: undefined });
  });

  it('asks for filters or --all before replaying a whole topic, and not both', () => {
    expect(usageError(['dlq', 'replay', '--topic', 't.dlq', '--reason', 'r'])).toMatch(/--all/);
    expect(
      usageError(['dlq', 'replay', '--topic', 't.dlq', '--reason', 'r', '--all', '--key', 'k']),
    ).toMatch(/--all/);
  });

  it('reads dlq audit with its default limit', () => {
    expect(command(['dlq', 'audit']).command).toEqual({
      name: 'dlq audit',
      dlqTopic: undefined,
      limit: 20,
    });
  });

  it('explains malformed input', () => {
    expect(usageError([])).toBe('No command given');
    expect(usageError(['dlq', 'purge'])).toBe('Unknown command: dlq purge');
    expect(usageError(['dlq', 'list'])).toBe('--topic is required');
    expect(usageError(['dlq', 'list', '--topic', 't', '--offset', '3'])).toMatch(
      /<partition>:<offset>/,
    );
    expect(usageError(['dlq', 'list', '--topic', 't', '--since', 'soon'])).toMatch(/ISO-8601/);
    expect(usageError(['dlq', 'list', '--topic', 't', '--limit', '0'])).toMatch(/--limit/);
    expect(usageError(['dlq', 'list', '--topic', 't', '--reason', 'r'])).toBe(
      'dlq list does not take --reason',
    );
    expect(usageError(['dlq', 'list', '--topic', 't', '--colour'])).toMatch(/colour/);
    expect(
      usageError(['dlq', 'replay', '--topic', 't', '--all', '--dry-run', '--to', 'elsewhere']),
    ).toMatch(/--to must be original or consumer/);
    expect(
      usageError([
        'dlq',
        'list',
        '--topic',
        't',
        '--since',
        '2024-05-02T00:00:00Z',
        '--until',
        '2024-05-01T00:00:00Z',
      ]),
    ).toMatch(/range is empty/);
  });

  it('reads parked list with its filters and a default limit', () => {
    expect(
      command(['parked', 'list', '--group', 'erp-sink', '--state', 'dead-lettered']).command,
    ).toEqual({
      name: 'parked list',
      filter: { group: 'erp-sink', topic: undefined, key: undefined, state: 'dead-lettered' },
      limit: 50,
    });
  });

  it('reads parked release, keeping the key exactly as given', () => {
    expect(
      command([
        'parked',
        'release',
        '--group',
        'erp-sink',
        '--topic',
        'ferry.orders',
        '--key',
        ' SO 42 ',
        '--reason',
        ' head is obsolete ',
      ]).command,
    ).toEqual({
      name: 'parked release',
      group: 'erp-sink',
      topic: 'ferry.orders',
      key: ' SO 42 ',
      reason: 'head is obsolete',
    });
  });

  it('rejects a parked release without what it needs, and unknown states', () => {
    const release = ['parked', 'release', '--group', 'g', '--topic', 't'];
    expect(usageError([...release, '--reason', 'r'])).toBe('--key is required');
    expect(usageError([...release, '--key', 'k'])).toMatch(/--reason/);
    expect(usageError(['parked', 'list', '--state', 'stuck'])).toMatch(
      /--state must be retrying, dead-lettered, releasing/,
    );
    expect(usageError(['parked', 'list', '--fingerprint', 'f'])).toBe(
      'parked list does not take --fingerprint',
    );
  });

  it('answers --help before anything else', () => {
    expect(parseCommandLine(['dlq', 'list', '--help'])).toEqual({ help: true });
  });
});
