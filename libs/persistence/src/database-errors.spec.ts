import {
  asDatabaseFailure,
  DatabaseUnavailableError,
  isConnectionFailure,
} from './database-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it.each([
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a client ended while in use', new Error('Connection terminated')],
    ["the client's read timeout", new Error('Query read timeout')],
    ["the client's connect timeout", new Error('timeout expired')],
    ["the pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    [
      'a client that lost its connection',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['SQLSTATE class 08', withCode('connection failure', '08006')],
    [
      'a server shutting down',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
  ])('is true for %s', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a statement timeout (the connection is fine)', withCode('canceling statement', '57014')],
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a bug', new TypeError('x is not a function')],
    ['a message that only mentions a timeout', new Error('lock timeout expired on row 4')],
    ['not an error', 'Connection terminated'],
  ])('is false for %s', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe('asDatabaseFailure', () => {
  it('turns a lost connection into DatabaseUnavailableError, which declares itself unavailable', () => {
    const cause = new Error('Connection terminated unexpectedly');
    const failure = asDatabaseFailure(cause);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).toMatchObject({
      kind: 'unavailable',
      retriable: true,
      message: 'Postgres unavailable: Connection terminated unexpectedly',
      cause,
    });
  });

  it('leaves a failure of the statement as it is', () => {
    const error = withCode('duplicate key value', '23505');
    expect(asDatabaseFailure(error)).toBe(error);
  });

  it('does not wrap twice', () => {
    const once = asDatabaseFailure(new Error('Query read timeout'));
    expect(asDatabaseFailure(once)).toBe(once);
  });
});
