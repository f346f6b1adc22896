import { classifyFailure } from '@ferry/failures';
import { DatabaseUnavailableError } from '@ferry/persistence';
import {
  CorruptEventError,
  PublishError,
  SchemaRegistryUnavailableError,
  UnknownSchemaError,
} from './errors';

describe('the kinds of the runtime’s failures', () => {
  it.each<[string, Error, string]>([
    ['a corrupt event', new CorruptEventError('bad bytes'), 'permanent'],
    ['an unknown schema', new UnknownSchemaError('no schema 9'), 'permanent'],
    ['an unreachable registry', new SchemaRegistryUnavailableError('down'), 'unavailable'],
    ['an unacknowledged publish', new PublishError('no ack'), 'transient'],
  ])('classifies %s as %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  it('takes a lost Postgres connection as unavailable', () => {
    const lost = new DatabaseUnavailableError('Postgres unavailable: Connection terminated', {
      cause: new Error('Connection terminated'),
    });
    expect(classifyFailure(lost)).toBe('unavailable');
  });

  it('finds a Postgres failure in the cause of a foreign error', () => {
    const wrapped = new Error('apply failed', {
      cause: new DatabaseUnavailableError('Postgres unavailable: Query read timeout', {
        cause: new Error('Query read timeout'),
      }),
    });
    expect(classifyFailure(wrapped)).toBe('unavailable');
  });
});
