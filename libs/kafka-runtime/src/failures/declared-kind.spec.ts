import { DatabaseUnavailableError } from '@ferry/persistence';
import { classifyFailure } from './classify';

describe('classifyFailure and the kinds errors declare', () => {
  it('takes a lost Postgres connection as unavailable', () => {
    const lost = new DatabaseUnavailableError('Postgres unavailable: Connection terminated', {
      cause: new Error('Connection terminated'),
    });
    expect(classifyFailure(lost)).toBe('unavailable');
  });

  it('puts a declared kind before the tables', () => {
    const declared = Object.assign(new Error('duplicate key'), {
      code: '23505',
      failureKind: 'transient',
    });
    expect(classifyFailure(declared)).toBe('transient');
  });

  it('finds a declared kind in the cause of a foreign error', () => {
    const wrapped = new Error('apply failed', {
      cause: new DatabaseUnavailableError('Postgres unavailable: Query read timeout', {
        cause: new Error('Query read timeout'),
      }),
    });
    expect(classifyFailure(wrapped)).toBe('unavailable');
  });
});
